config = ["not", "a", "dict"]
