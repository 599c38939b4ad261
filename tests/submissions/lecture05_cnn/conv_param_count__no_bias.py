    count = F * C * HH * WW
