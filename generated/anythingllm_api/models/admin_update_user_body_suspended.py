from typing import Literal

AdminUpdateUserBodySuspended = Literal[0, 1]

ADMIN_UPDATE_USER_BODY_SUSPENDED_VALUES: set[AdminUpdateUserBodySuspended] = {
    0,
    1,
}


def check_admin_update_user_body_suspended(value: int) -> AdminUpdateUserBodySuspended:
    if value in ADMIN_UPDATE_USER_BODY_SUSPENDED_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ADMIN_UPDATE_USER_BODY_SUSPENDED_VALUES!r}"
    )
