"""Config flow: QR or password login (captcha and verification code), regions, options."""

from __future__ import annotations

import base64
import logging
from typing import TYPE_CHECKING, Any

import probatio as vol
from homeassistant.config_entries import (
    SOURCE_REAUTH,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.core import callback
from homeassistant.helpers.selector import (
    BooleanSelector,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)

from . import api
from .cloud.errors import (
    CaptchaWrongError,
    CloudConnectionError,
    InvalidCredentialsError,
    LoginBlockedError,
    QrLoginTimeoutError,
    VerificationCodeNotSentError,
    VerificationCodeWrongError,
    VerificationIncompleteError,
    VerificationLimitError,
    VerificationMethodRefusedError,
    XiaomiCloudError,
)
from .cloud.models import (
    CaptchaChallenge,
    Credentials,
    LoginStep,
    QrLogin,
    VerificationChallenge,
    VerificationCodeSent,
    VerificationMethod,
)
from .cloud.regions import Region
from .const import (
    CONF_AUTO_ACCEPT_FROM,
    CONF_C_USER_ID,
    CONF_DEVICE_ID,
    CONF_NICKNAME,
    CONF_PASS_TOKEN,
    CONF_REGIONS,
    CONF_SCAN_INTERVAL,
    CONF_SKIP_LINKED_CAMERAS,
    CONF_USER_ID,
    DEFAULT_SCAN_INTERVAL,
    DEFAULT_SKIP_LINKED_CAMERAS,
    DOMAIN,
    MAX_SCAN_INTERVAL_MINUTES,
    MIN_SCAN_INTERVAL_MINUTES,
)
from .home_region import region_for_country
from .qr_image import qr_data_uri

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Mapping

    from .cloud.auth import XiaomiAuth
    from .data import XiaomiConfigEntry

_LOGGER = logging.getLogger(__name__)

REGION_SELECTOR = SelectSelector(
    SelectSelectorConfig(
        options=[region.value for region in Region],
        multiple=True,
        mode=SelectSelectorMode.LIST,
        translation_key="region",
    )
)
PASSWORD_SCHEMA = vol.Schema(
    {
        vol.Required("username"): TextSelector(TextSelectorConfig(autocomplete="username")),
        vol.Required("password"): TextSelector(
            TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="current-password")
        ),
    }
)


def credentials_data(credentials: Credentials) -> dict[str, Any]:
    """What a config entry keeps of a login: never the password."""
    return {
        CONF_USER_ID: credentials.user_id,
        CONF_PASS_TOKEN: credentials.pass_token,
        CONF_DEVICE_ID: credentials.device_id,
        CONF_C_USER_ID: credentials.c_user_id,
    }


CAPTCHA_SCHEMA = vol.Schema({vol.Required("captcha"): TextSelector()})
PASSWORD_CAPTCHA_SCHEMA = vol.Schema(
    {
        vol.Required("username"): TextSelector(TextSelectorConfig(autocomplete="username")),
        vol.Required("password"): TextSelector(
            TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="current-password")
        ),
        vol.Required("captcha"): TextSelector(),
    }
)


def _login_error_key(err: XiaomiCloudError) -> str:
    """The translated error of a failed login step (config.error / config.abort)."""
    if isinstance(err, InvalidCredentialsError):
        return "invalid_auth"
    if isinstance(err, VerificationLimitError):
        return "verification_limit"
    if isinstance(err, LoginBlockedError):
        return "login_blocked"
    if isinstance(err, VerificationMethodRefusedError):
        return "verification_method_refused"
    if isinstance(err, VerificationCodeNotSentError):
        return "verification_not_sent"
    if isinstance(err, CloudConnectionError):
        return "cannot_connect"
    return "unknown"


def _captcha_placeholders(challenge: CaptchaChallenge) -> dict[str, str]:
    image = base64.b64encode(challenge.image).decode()
    return {"captcha_image": f"data:{challenge.content_type};base64,{image}"}


class XiaomiCameraShareConfigFlow(ConfigFlow, domain=DOMAIN):
    """One config entry per Xiaomi account."""

    VERSION = 1
    MINOR_VERSION = 1

    def __init__(self) -> None:
        self._auth: XiaomiAuth | None = None
        self._qr: QrLogin | None = None
        self._qr_image = ""
        self._qr_task: asyncio.Task[Credentials] | None = None
        self._qr_error = "cannot_connect"
        self._captcha: CaptchaChallenge | None = None
        self._username = ""
        self._methods: tuple[VerificationMethod, ...] = ()
        self._method: VerificationMethod | None = None
        self._masked_target = ""
        self._credentials: Credentials | None = None

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: XiaomiConfigEntry) -> XiaomiCameraShareOptionsFlow:
        """Options: refresh interval and trusted senders."""
        return XiaomiCameraShareOptionsFlow()

    # --- start ----------------------------------------------------------

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Choose how to log in; QR is first because it needs no captcha or code."""
        if api.cloud_override_refused():
            return self.async_abort(reason="cloud_override_unsafe")
        return self.async_show_menu(step_id="user", menu_options=["qr", "password"])

    async def async_step_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult:
        """The passToken stopped working."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Log in again with the same account."""
        if api.cloud_override_refused():
            return self.async_abort(reason="cloud_override_unsafe")
        return self.async_show_menu(step_id="reauth_confirm", menu_options=["qr", "password"])

    async def async_step_reconfigure(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Change the regions an account uses."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            if user_input[CONF_REGIONS]:
                return self.async_update_reload_and_abort(
                    entry, data_updates={CONF_REGIONS: user_input[CONF_REGIONS]}
                )
            errors[CONF_REGIONS] = "no_region"
        schema = vol.Schema({vol.Required(CONF_REGIONS): REGION_SELECTOR})
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(schema, {CONF_REGIONS: entry.data[CONF_REGIONS]}),
            errors=errors,
        )

    # --- QR login -------------------------------------------------------

    async def async_step_qr(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Show the QR code and wait until the Mi Home app scanned and confirmed it."""
        if self._qr_task is None:
            auth = self._auth = api.create_auth(self.hass)
            try:
                self._qr = await auth.start_qr_login()
            except XiaomiCloudError as err:
                return self.async_abort(reason=_login_error_key(err))
            self._qr_image = await self.hass.async_add_executor_job(qr_data_uri, self._qr.login_url)
            self._qr_task = self.hass.async_create_task(auth.wait_for_qr_scan())
        if not self._qr_task.done():
            assert self._qr is not None
            return self.async_show_progress(
                step_id="qr",
                progress_action="wait_for_scan",
                progress_task=self._qr_task,
                description_placeholders={
                    "login_url": self._qr.login_url,
                    "qr_image": self._qr_image,
                    "minutes": str(max(1, self._qr.expires_in // 60)),
                },
            )
        task, self._qr_task = self._qr_task, None
        try:
            self._credentials = task.result()
        except QrLoginTimeoutError:
            return self.async_show_progress_done(next_step_id="qr_expired")
        except XiaomiCloudError as err:
            self._qr_error = _login_error_key(err)
            return self.async_show_progress_done(next_step_id="qr_failed")
        return self.async_show_progress_done(next_step_id="login_done")

    async def async_step_qr_expired(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Nobody scanned the code in time."""
        return self.async_abort(reason="qr_expired")

    async def async_step_qr_failed(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The cloud failed while waiting for the scan."""
        return self.async_abort(reason=self._qr_error)

    # --- password login -------------------------------------------------

    async def async_step_password(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """User name and password; the password stays in this step only."""
        errors: dict[str, str] = {}
        if user_input is not None:
            self._username = user_input["username"]
            auth = self._auth = api.create_auth(self.hass)
            try:
                step = await auth.login_with_password(user_input["username"], user_input["password"])
            except InvalidCredentialsError as err:
                return self._wrong_password(err)
            except XiaomiCloudError as err:
                errors["base"] = _login_error_key(err)
            else:
                return await self._async_next_login_step(step)
        return self._show_password_form(errors)

    def _show_password_form(self, errors: dict[str, str]) -> ConfigFlowResult:
        return self.async_show_form(
            step_id="password",
            data_schema=self.add_suggested_values_to_schema(PASSWORD_SCHEMA, {"username": self._username}),
            errors=errors,
        )

    def _wrong_password(self, err: InvalidCredentialsError) -> ConfigFlowResult:
        """A wrong password; when a captcha came with it, the next try answers it too."""
        if isinstance(err.challenge, CaptchaChallenge):
            self._captcha = err.challenge
            return self._show_password_captcha_form({"base": "invalid_auth"})
        return self._show_password_form({"base": "invalid_auth"})

    async def async_step_password_captcha(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The password was wrong and Xiaomi wants a captcha with the next try."""
        assert self._auth is not None
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                self._username = user_input["username"]
                step = await self._auth.retry_password(
                    user_input["password"], user_input["captcha"], username=user_input["username"]
                )
            except InvalidCredentialsError as err:
                return self._wrong_password(err)
            except CaptchaWrongError as err:
                errors["captcha"] = "captcha_wrong"
                if isinstance(err.challenge, CaptchaChallenge):
                    self._captcha = err.challenge
            except XiaomiCloudError as err:
                errors["base"] = _login_error_key(err)
            else:
                return await self._async_next_login_step(step)
        return self._show_password_captcha_form(errors)

    def _show_password_captcha_form(self, errors: dict[str, str]) -> ConfigFlowResult:
        assert self._captcha is not None
        return self.async_show_form(
            step_id="password_captcha",
            data_schema=self.add_suggested_values_to_schema(
                PASSWORD_CAPTCHA_SCHEMA, {"username": self._username}
            ),
            description_placeholders=_captcha_placeholders(self._captcha),
            errors=errors,
        )

    async def _async_next_login_step(self, step: LoginStep) -> ConfigFlowResult:
        if isinstance(step, CaptchaChallenge):
            self._captcha = step
            return await self.async_step_captcha()
        if isinstance(step, VerificationChallenge):
            self._methods = step.methods
            return await self.async_step_verification_method()
        self._credentials = step
        return await self.async_step_login_done()

    async def async_step_captcha(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Type the characters of the picture."""
        assert self._auth is not None
        assert self._captcha is not None
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                step = await self._auth.submit_captcha(user_input["captcha"])
            except CaptchaWrongError as err:
                errors["captcha"] = "captcha_wrong"
                if isinstance(err.challenge, CaptchaChallenge):
                    self._captcha = err.challenge
            except InvalidCredentialsError as err:
                return self._wrong_password(err)
            except XiaomiCloudError as err:
                errors["base"] = _login_error_key(err)
            else:
                return await self._async_next_login_step(step)
        return self.async_show_form(
            step_id="captcha",
            data_schema=CAPTCHA_SCHEMA,
            description_placeholders=_captcha_placeholders(self._captcha),
            errors=errors,
        )

    async def async_step_verification_method(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Where Xiaomi should send the verification code."""
        errors: dict[str, str] = {}
        if user_input is None and len(self._methods) == 1:
            user_input = {"method": self._methods[0].value}
        if user_input is not None:
            self._method = VerificationMethod(user_input["method"])
            return await self._async_send_code(None)
        return self._show_method_form(errors)

    def _show_method_form(self, errors: dict[str, str]) -> ConfigFlowResult:
        schema = vol.Schema(
            {
                vol.Required("method"): SelectSelector(
                    SelectSelectorConfig(
                        options=[m.value for m in self._methods], translation_key="verification_method"
                    )
                )
            }
        )
        return self.async_show_form(step_id="verification_method", data_schema=schema, errors=errors)

    async def _async_send_code(self, captcha: str | None) -> ConfigFlowResult:
        """Have the code sent; a captcha, a refusal or a limit may come first."""
        assert self._auth is not None
        assert self._method is not None
        try:
            if captcha is None:
                sent = await self._auth.send_verification_code(self._method)
            else:
                sent = await self._auth.submit_verification_captcha(captcha)
        except CaptchaWrongError as err:
            if isinstance(err.challenge, CaptchaChallenge):
                self._captcha = err.challenge
            return self._show_verification_captcha_form({"captcha": "captcha_wrong"})
        except VerificationMethodRefusedError as err:
            self._methods = tuple(m for m in err.methods if isinstance(m, VerificationMethod))
            return self._show_method_form({"base": "verification_method_refused"})
        except XiaomiCloudError as err:
            return self._show_method_form({"base": _login_error_key(err)})
        if isinstance(sent, CaptchaChallenge):
            self._captcha = sent
            return self._show_verification_captcha_form({})
        assert isinstance(sent, VerificationCodeSent)
        self._masked_target = sent.masked_target
        return await self.async_step_verification_code()

    async def async_step_verification_captcha(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Xiaomi wants a captcha before it sends the code."""
        if user_input is not None:
            return await self._async_send_code(user_input["captcha"])
        return self._show_verification_captcha_form({})

    def _show_verification_captcha_form(self, errors: dict[str, str]) -> ConfigFlowResult:
        assert self._captcha is not None
        return self.async_show_form(
            step_id="verification_captcha",
            data_schema=CAPTCHA_SCHEMA,
            description_placeholders=_captcha_placeholders(self._captcha),
            errors=errors,
        )

    async def async_step_verification_code(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The code Xiaomi sent by SMS or email."""
        assert self._auth is not None
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                self._credentials = await self._auth.submit_verification_code(user_input["code"].strip())
            except VerificationCodeWrongError:
                errors["code"] = "verification_code_wrong"
            except VerificationMethodRefusedError as err:
                self._methods = tuple(m for m in err.methods if isinstance(m, VerificationMethod))
                return self._show_method_form({"base": "verification_method_refused"})
            except VerificationIncompleteError:
                return self.async_abort(reason="verification_incomplete")
            except XiaomiCloudError as err:
                errors["base"] = _login_error_key(err)
            else:
                return await self.async_step_login_done()
        return self.async_show_form(
            step_id="verification_code",
            data_schema=vol.Schema({vol.Required("code"): TextSelector()}),
            description_placeholders={"target": self._masked_target},
            errors=errors,
        )

    # --- finish ---------------------------------------------------------

    async def async_step_login_done(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """A login worked: update the entry on reauth, or go on to the regions."""
        assert self._credentials is not None
        await self.async_set_unique_id(self._credentials.user_id)
        if self.source == SOURCE_REAUTH:
            self._abort_if_unique_id_mismatch(reason="wrong_account")
            return self.async_update_reload_and_abort(
                self._get_reauth_entry(), data_updates=credentials_data(self._credentials)
            )
        self._abort_if_unique_id_configured()
        return await self.async_step_regions()

    async def async_step_regions(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The regions (Mi Home app setting) where this account keeps its cameras."""
        assert self._credentials is not None
        errors: dict[str, str] = {}
        if user_input is not None:
            if user_input[CONF_REGIONS]:
                return await self._async_create_entry(user_input[CONF_REGIONS])
            errors[CONF_REGIONS] = "no_region"
        schema = vol.Schema({vol.Required(CONF_REGIONS): REGION_SELECTOR})
        return self.async_show_form(
            step_id="regions",
            data_schema=self.add_suggested_values_to_schema(
                schema, {CONF_REGIONS: [region_for_country(self.hass.config.country).value]}
            ),
            errors=errors,
        )

    async def _async_create_entry(self, regions: list[str]) -> ConfigFlowResult:
        assert self._credentials is not None
        user_id = self._credentials.user_id
        client = api.create_client(self.hass, self._credentials)
        try:
            nickname = (await client.lookup_user(Region(regions[0]), user_id)).nickname
        except XiaomiCloudError:
            # The name is a nicety; the account works without it.
            nickname = user_id
        return self.async_create_entry(
            title=f"{nickname} ({user_id})" if nickname != user_id else user_id,
            data={**credentials_data(client.credentials), CONF_REGIONS: regions, CONF_NICKNAME: nickname},
        )


class XiaomiCameraShareOptionsFlow(OptionsFlowWithReload):
    """Refresh interval and the Xiaomi IDs whose invites are accepted at once."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """One form for all options."""
        errors: dict[str, str] = {}
        if user_input is not None:
            trusted = [value.strip() for value in user_input.get(CONF_AUTO_ACCEPT_FROM, []) if value.strip()]
            if all(value.isdigit() for value in trusted):
                return self.async_create_entry(
                    data={
                        CONF_SCAN_INTERVAL: int(user_input[CONF_SCAN_INTERVAL]),
                        CONF_AUTO_ACCEPT_FROM: trusted,
                        # Left out (the default) unless the form sent it.
                        **{
                            key: bool(value)
                            for key, value in user_input.items()
                            if key == CONF_SKIP_LINKED_CAMERAS
                        },
                    }
                )
            errors[CONF_AUTO_ACCEPT_FROM] = "invalid_xiaomi_id"
        schema = vol.Schema(
            {
                vol.Required(CONF_SCAN_INTERVAL): NumberSelector(
                    NumberSelectorConfig(
                        min=MIN_SCAN_INTERVAL_MINUTES,
                        max=MAX_SCAN_INTERVAL_MINUTES,
                        step=1,
                        mode=NumberSelectorMode.BOX,
                        unit_of_measurement="min",
                    )
                ),
                vol.Optional(CONF_AUTO_ACCEPT_FROM): TextSelector(TextSelectorConfig(multiple=True)),
                vol.Optional(CONF_SKIP_LINKED_CAMERAS): BooleanSelector(),
            }
        )
        defaults = {
            CONF_SCAN_INTERVAL: int(DEFAULT_SCAN_INTERVAL.total_seconds() // 60),
            CONF_AUTO_ACCEPT_FROM: [],
            CONF_SKIP_LINKED_CAMERAS: DEFAULT_SKIP_LINKED_CAMERAS,
            **self.config_entry.options,
        }
        return self.async_show_form(
            step_id="init", data_schema=self.add_suggested_values_to_schema(schema, defaults), errors=errors
        )
