# caught by hidden tests only
    count = F * C * HH * WW + 1
