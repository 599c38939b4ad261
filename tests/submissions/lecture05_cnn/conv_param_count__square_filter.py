# caught by hidden tests only
    count = F * (C * HH * HH + 1)
