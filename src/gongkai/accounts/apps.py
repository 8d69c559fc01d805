from django.apps import AppConfig

from gongkai.core.mounts import Mount


class AccountsConfig(AppConfig):
    name = "gongkai.accounts"
    label = "accounts"
    verbose_name = "账户"
    mounts = (Mount("accounts/", "gongkai.accounts.urls"),)

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_save

        from .receivers import revoke_tokens_on_password_or_deactivation

        pre_save.connect(
            revoke_tokens_on_password_or_deactivation,
            sender=get_user_model(),
            dispatch_uid="accounts-revoke-tokens",
        )
