    count = (D_in + 1) * D_out + D_in
