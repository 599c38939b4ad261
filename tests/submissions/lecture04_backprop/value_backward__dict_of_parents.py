# fails: test_value_backward__order
# caught by hidden tests only
    topo, seen = [], set()

    def build(node):
        if node not in seen:
            seen.add(node)
            for parent in dict(node.parents):
                build(parent)
            topo.append(node)

    build(root)
    order = topo[::-1]
    root.grad = 1.0
    for node in order:
        for parent, local in dict(node.parents).items():
            parent.grad += local * node.grad
