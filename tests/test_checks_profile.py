"""PRO001-PRO005: profile image, resolution, category, contact, display name."""

from __future__ import annotations

from audit.model import Avatar, Contact, Place, Platform
from audit.result import Status
from checks import profile as pro
from tests.checks_kit import assert_result, make_ctx, make_profile

IG_SILHOUETTE = (
    "https://scontent.cdninstagram.com/v/t51.2885-19/"
    "44884218_345707102882519_2446069589734326272_n.jpg"
)


class TestProfileImageMissing:
    def test_pass_with_an_own_image(self) -> None:
        p = make_profile(avatar=Avatar(url="https://cdn.example/logo.jpg"))
        assert_result(pro.profile_image_missing(p, make_ctx()), Status.PASS, 1.0, "is set")

    def test_fail_when_no_image(self) -> None:
        p = make_profile(avatar=Avatar(url=None))
        assert_result(pro.profile_image_missing(p, make_ctx()), Status.FAIL, 0.0, "No profile")

    def test_fail_on_instagram_silhouette(self) -> None:
        p = make_profile(avatar=Avatar(url=IG_SILHOUETTE))
        r = pro.profile_image_missing(p, make_ctx())
        assert_result(r, Status.FAIL, 0.0, "Instagram's default avatar", "44884218")
        assert r.evidence[0].value == IG_SILHOUETTE
        assert r.fix and "320x320" in r.fix

    def test_fail_on_mastodon_missing_png(self) -> None:
        p = make_profile(
            Platform.MASTODON,
            handle="bluedoor@mastodon.social",
            avatar=Avatar(url="https://mastodon.social/avatars/original/missing.png"),
        )
        r = pro.profile_image_missing(p, make_ctx(Platform.MASTODON))
        assert_result(r, Status.FAIL, 0.0, "Mastodon's default avatar")

    def test_fail_when_extractor_flags_default(self) -> None:
        p = make_profile(Platform.X, avatar=Avatar(url="https://x/img.png", is_default=True))
        assert_result(pro.profile_image_missing(p, make_ctx(Platform.X)), Status.FAIL, 0.0)

    def test_na_when_not_observed(self) -> None:
        r = pro.profile_image_missing(make_profile(), make_ctx())
        assert_result(r, Status.NA, None, "cannot be judged")


class TestProfileImageLowResolution:
    def test_pass_at_320(self) -> None:
        p = make_profile(avatar=Avatar(url="https://x/a.jpg", width=320, height=320))
        assert_result(pro.profile_image_low_resolution(p, make_ctx()), Status.PASS, 1.0, "320x320")

    def test_warn_between_150_and_319(self) -> None:
        p = make_profile(avatar=Avatar(url="https://x/a.jpg", width=160, height=200))
        r = pro.profile_image_low_resolution(p, make_ctx())
        assert_result(r, Status.WARN, 160 / 320, "160x200 pixels")

    def test_fail_below_150(self) -> None:
        p = make_profile(avatar=Avatar(url="https://x/a.jpg", width=110, height=110))
        assert_result(pro.profile_image_low_resolution(p, make_ctx()), Status.FAIL, 110 / 320)

    def test_na_without_dimensions(self) -> None:
        p = make_profile(avatar=Avatar(url="https://x/a.jpg"))
        r = pro.profile_image_low_resolution(p, make_ctx())
        assert_result(r, Status.NA, None, "dimensions")

    def test_na_for_default_avatar(self) -> None:
        p = make_profile(avatar=Avatar(url=IG_SILHOUETTE, width=150, height=150))
        assert_result(pro.profile_image_low_resolution(p, make_ctx()), Status.NA, None, "PRO001")


class TestCategoryMissing:
    def test_pass(self) -> None:
        r = pro.category_missing(make_profile(category="Bakery"), make_ctx())
        assert_result(r, Status.PASS, 1.0, "'Bakery'")

    def test_fail_names_personal_account(self) -> None:
        r = pro.category_missing(make_profile(is_business=False), make_ctx())
        assert_result(r, Status.FAIL, 0.0, "No business category", "personal account")

    def test_applies_only_where_platforms_have_categories(self) -> None:
        assert not pro.category_missing.meta.applies_to(Platform.TIKTOK)
        assert pro.category_missing.meta.applies_to(Platform.LINKEDIN)


class TestContactMissing:
    def test_pass_with_button_and_email(self) -> None:
        p = make_profile(contact=Contact(email="hi@bluedoor.com", has_contact_button=True))
        r = pro.contact_missing(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "email", "contact button")

    def test_pass_with_phone_in_bio(self) -> None:
        p = make_profile(bio="Sourdough bakery · Call +1 512 555 0199")
        assert_result(pro.contact_missing(p, make_ctx()), Status.PASS, 1.0, "phone in bio")

    def test_digits_in_a_url_are_not_a_phone(self) -> None:
        p = make_profile(bio="bluedoor.com/order/12345678", contact=Contact())
        assert_result(pro.contact_missing(p, make_ctx()), Status.FAIL, 0.0)

    def test_pass_with_address(self) -> None:
        p = make_profile(location=Place(address="12 E 6th St", city="Austin"))
        assert_result(pro.contact_missing(p, make_ctx()), Status.PASS, 1.0, "address")

    def test_fail_when_contact_fields_are_empty(self) -> None:
        p = make_profile(contact=Contact(has_contact_button=False), bio="Sourdough bakery")
        r = pro.contact_missing(p, make_ctx())
        assert_result(r, Status.FAIL, 0.0, "No email, phone, contact button or address")

    def test_na_when_contact_not_observed(self) -> None:
        r = pro.contact_missing(make_profile(bio="Sourdough bakery"), make_ctx())
        assert_result(r, Status.NA, None, "no contact fields")


class TestDisplayNameGeneric:
    def test_pass(self) -> None:
        r = pro.display_name_generic(make_profile(display_name="Blue Door Bakery"), make_ctx())
        assert_result(r, Status.PASS, 1.0, "'Blue Door Bakery'")

    def test_warn_when_it_repeats_the_handle(self) -> None:
        p = make_profile(display_name="blue_door.bakery")
        r = pro.display_name_generic(p, make_ctx())
        assert_result(r, Status.WARN, 0.5, "repeats the handle @bluedoorbakery", "'.' and '_'")

    def test_a_brand_whose_handle_is_its_name_passes(self) -> None:
        for handle, name in (("acme", "Acme"), ("cnn", "CNN"), ("adidas", "adidas")):
            p = make_profile(handle=handle, display_name=name)
            assert_result(pro.display_name_generic(p, make_ctx(name=name)), Status.PASS, 1.0)
            assert_result(pro.display_name_generic(p, make_ctx()), Status.PASS, 1.0)

    def test_warn_when_the_brand_words_run_together(self) -> None:
        p = make_profile(display_name="bluedoorbakery")
        r = pro.display_name_generic(p, make_ctx(name="Blue Door Bakery"))
        assert_result(r, Status.WARN, 0.5, "run together", "'Blue Door Bakery'")
        assert_result(pro.display_name_generic(p, make_ctx(name="Bluedoorbakery")), Status.PASS)

    def test_not_applicable_to_a_google_place(self) -> None:
        from audit.engine import run_checks

        p = make_profile(Platform.GOOGLE_BUSINESS, handle="", display_name="Tipsy Sticks")
        (r,) = run_checks(p, make_ctx(Platform.GOOGLE_BUSINESS), [pro.display_name_generic])
        assert_result(r, Status.NA, None, "Not applicable on Google Business Profile")

    def test_fail_when_empty(self) -> None:
        r = pro.display_name_generic(make_profile(display_name="  "), make_ctx())
        assert_result(r, Status.FAIL, 0.0, "Display name is empty")
