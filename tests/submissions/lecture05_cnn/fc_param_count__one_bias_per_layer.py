# caught by hidden tests only
    count = D_in * D_out + 1
