# fails: test_value_backward__order
# caught by hidden tests only
    root.grad = 1.0
    queue, seen = [root], {root}
    while queue:
        node = queue.pop(0)
        order.append(node)
        for parent, local in node.parents:
            parent.grad += local * node.grad
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
