config = dict(
    environment="dev",
    name="unterminated,
)
