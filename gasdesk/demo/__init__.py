"""The deterministic demo data set."""

# Demo logins (badge, name, role, office code); every demo password is DEMO_PASSWORD.
DEMO_PASSWORD = "123456"
DEMO_STAFF: list[tuple[str, str, str, str]] = [
    ("MS01", "李娜", "teller", "MS"),
    ("MS02", "王芳", "teller", "MS"),
    ("MS09", "张伟", "supervisor", "MS"),
    ("WC01", "刘洋", "teller", "WC"),
    ("WC02", "陈静", "teller", "WC"),
    ("WC09", "赵磊", "supervisor", "WC"),
]
