    count = D_in * (D_out + 1)
