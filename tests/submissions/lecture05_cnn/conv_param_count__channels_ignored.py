    count = F * (HH * WW + 1)
