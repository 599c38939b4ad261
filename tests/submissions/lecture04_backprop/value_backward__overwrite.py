# fails: test_value_backward, test_value_backward__order
    topo, seen = [], set()

    def build(node):
        if node not in seen:
            seen.add(node)
            for parent, _ in node.parents:
                build(parent)
            topo.append(node)

    build(root)
    order = list(reversed(topo))
    root.grad = 1.0
    for node in order:
        for parent, local in node.parents:
            parent.grad = local * node.grad
