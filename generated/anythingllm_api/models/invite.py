from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invite_status import InviteStatus, check_invite_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_ref import UserRef


T = TypeVar("T", bound="Invite")


@_attrs_define
class Invite:
    """
    Attributes:
        id (int):
        code (str):
        status (InviteStatus):
        claimed_by (int | None | Unset | UserRef): a user id, or the user in listings
        workspace_ids (None | str | Unset): a JSON-encoded array of workspace ids, e.g. "[1,2]"
        created_at (str | Unset):
        created_by (int | None | Unset | UserRef): 0 when created through the API, or the user in listings
        last_updated_at (str | Unset):
    """

    id: int
    code: str
    status: InviteStatus
    claimed_by: int | None | Unset | UserRef = UNSET
    workspace_ids: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: int | None | Unset | UserRef = UNSET
    last_updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_ref import UserRef  # noqa: PLC0415

        id = self.id

        code = self.code

        status: str = self.status

        claimed_by: dict[str, Any] | int | None | Unset
        if isinstance(self.claimed_by, Unset):
            claimed_by = UNSET
        elif isinstance(self.claimed_by, UserRef):
            claimed_by = self.claimed_by.to_dict()
        else:
            claimed_by = self.claimed_by

        workspace_ids: None | str | Unset
        if isinstance(self.workspace_ids, Unset):
            workspace_ids = UNSET
        else:
            workspace_ids = self.workspace_ids

        created_at = self.created_at

        created_by: dict[str, Any] | int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, UserRef):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        last_updated_at = self.last_updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "status": status,
            }
        )
        if claimed_by is not UNSET:
            field_dict["claimedBy"] = claimed_by
        if workspace_ids is not UNSET:
            field_dict["workspaceIds"] = workspace_ids
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_ref import UserRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        code = d.pop("code")

        status = check_invite_status(d.pop("status"))

        def _parse_claimed_by(data: object) -> int | None | Unset | UserRef:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claimed_by_type_1 = UserRef.from_dict(data)

                return claimed_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | Unset | UserRef, data)

        claimed_by = _parse_claimed_by(d.pop("claimedBy", UNSET))

        def _parse_workspace_ids(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workspace_ids = _parse_workspace_ids(d.pop("workspaceIds", UNSET))

        created_at = d.pop("createdAt", UNSET)

        def _parse_created_by(data: object) -> int | None | Unset | UserRef:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_type_1 = UserRef.from_dict(data)

                return created_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | Unset | UserRef, data)

        created_by = _parse_created_by(d.pop("createdBy", UNSET))

        last_updated_at = d.pop("lastUpdatedAt", UNSET)

        invite = cls(
            id=id,
            code=code,
            status=status,
            claimed_by=claimed_by,
            workspace_ids=workspace_ids,
            created_at=created_at,
            created_by=created_by,
            last_updated_at=last_updated_at,
        )

        invite.additional_properties = d
        return invite

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
