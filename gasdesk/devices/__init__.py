"""The counter's devices: the IC-card reader/writer, the ID-card reader and the
thermal receipt printer (ESC/POS). One interface each, a simulated device beside
each real driver, and no Qt: the services and the tests drive them as plain objects.

`config.DeviceConfig` says which device of each kind the counter uses; `config.open_*`
build them, a meter maker's driver included (entry points, see registry.py).
"""
