"""Webhooks are for admins only: endpoints carry secrets and deliveries show the payloads."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Superusers may do ``actions`` (all by default); nobody else may do anything, whatever groups say."""

    def __init__(self, model: type[Model], actions: Iterable[str] | None = None) -> None:
        super().__init__(model)
        self.actions = None if actions is None else frozenset(actions)

    def _allows(self, user: Any, action: str) -> bool:
        return bool(user.is_active and user.is_superuser and (self.actions is None or action in self.actions))

    def user_has_permission(self, user: Any, action: str) -> bool:
        return self._allows(user, action)

    def user_has_any_permission(self, user: Any, actions: Iterable[str]) -> bool:
        return any(self._allows(user, action) for action in actions)

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet:
        if self.actions is not None and not set(actions) & self.actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action: str) -> QuerySet:
        return self.users_with_any_permission([action])
