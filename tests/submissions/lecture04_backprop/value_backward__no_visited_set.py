# fails: test_value_backward, test_value_backward__order
    topo = []

    def build(node):
        for parent, _ in node.parents:
            build(parent)
        topo.append(node)

    build(root)
    order = topo[::-1]
    root.grad = 1.0
    for node in order:
        for parent, local in node.parents:
            parent.grad += local * node.grad
