from typing import Literal

InviteStatus = Literal["claimed", "disabled", "pending"]

INVITE_STATUS_VALUES: set[InviteStatus] = {
    "claimed",
    "disabled",
    "pending",
}


def check_invite_status(value: str) -> InviteStatus:
    if value in INVITE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVITE_STATUS_VALUES!r}")
