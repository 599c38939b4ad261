# fails:
    # correct alternative: Kahn's algorithm, counting each node's pending consumers
    nodes, stack = {root}, [root]
    while stack:
        for parent, _ in stack.pop().parents:
            if parent not in nodes:
                nodes.add(parent)
                stack.append(parent)
    pending = {n: 0 for n in nodes}
    for n in nodes:
        for parent, _ in n.parents:
            pending[parent] += 1
    root.grad = 1.0
    ready = [root]
    while ready:
        node = ready.pop()
        order.append(node)
        for parent, local in node.parents:
            parent.grad += local * node.grad
            pending[parent] -= 1
            if pending[parent] == 0:
                ready.append(parent)
