    count = F * (C * HH * WW + C)
