"""Stop words for languages spaCy has no language data for, plus social-media filler.

spaCy ships stop words for en, sl, fa, zh, ja, ko, ru, pt and ~60 more; those are used as
they are (see `pipelines`). Uzbek, Kazakh and Swahili have no spaCy language class, so
without these lists "va" (and), "және" (and) or "kwa" (for) would head the keyword list of
every Uzbek, Kazakh or Swahili bio. The lists are deliberately short: the function words
(conjunctions, pronouns, postpositions, particles, "every/very/only") that dominate short
business texts, not a frequency list that would also drop business nouns.
"""

from __future__ import annotations

__all__ = ["EXTRA_STOP_WORDS", "PLATFORM_NAMES", "PLATFORM_WORDS", "SOCIAL_STOP_WORDS"]

_UZ_LATIN = """
va bilan uchun ham hamda bu u shu o'sha bir eng har yoki lekin ammo biroq esa men sen biz
siz ular uning ularning bizning sizning mening edi emas bor yo'q kabi qadar keyin oldin
hamma barcha nima qanday qayerda juda faqat endi yana hali mana ana bo'ladi bo'lib bo'lgan
ekan deb gacha orqali haqida ko'p kam hech
"""
_UZ_CYRILLIC = """
ва билан учун ҳам ҳамда бу у шу ўша бир энг ҳар ёки лекин аммо бироқ эса мен сен биз сиз
улар унинг уларнинг бизнинг сизнинг менинг эди эмас бор йўқ каби қадар кейин олдин ҳамма
барча нима қандай қаерда жуда фақат энди яна ҳали мана ана бўлади бўлиб бўлган экан деб
гача орқали ҳақида кўп кам ҳеч
"""
_KK = """
және мен бен пен да де та те бұл сол осы ол бір әр ең үшін туралы бойынша арқылы немесе
бірақ сен біз сіз олар оның біздің сіздің менің еді емес бар жоқ сияқты кейін дейін
барлық не қалай өте тек енді тағы әлі сайын ғой ма ме ба бе па пе ше дейді деп болады
болып болған көп аз еш
"""
_SW = """
na ya wa za la kwa katika ni si au lakini kama hii hiyo huo hizi hao huu yake wake zake
lake chake vyake yetu wetu letu zetu chetu yako wako lako zako kila sana tu pia bado sasa
hapa pale huku kutoka hadi mpaka kwenye ndani juu chini baada kabla mimi wewe yeye sisi
nyinyi wao cha vya ku ili bila je nini gani wapi lini ndiyo hapana kuna ambayo ambao
ambaye hivyo hata zaidi karibu karibuni tupo tuko yupo nk leo jana kesho
"""

EXTRA_STOP_WORDS: dict[str, frozenset[str]] = {
    "uz": frozenset((_UZ_LATIN + _UZ_CYRILLIC).split()),
    "kk": frozenset(_KK.split()),
    "sw": frozenset(_SW.split()),
}

# Platform filler that is never what a business wants to be found for, in any language.
SOCIAL_STOP_WORDS: frozenset[str] = frozenset(
    ["rt", "via", "dm", "dms", "amp", "lol", "omg", "pls", "plz", "tbt", "ig", "fb", "yt"]
)

# Not stop words for extraction (a tweet about Facebook is about Facebook), but never a
# keyword a business should be proposed: the platforms' names, and the words of page
# chrome and generic platform vocabulary that every profile shows ("official facebook
# page", "welcome", "home", "videos", "stories", "link in bio"), in the languages bios
# are most often written in. A proposal made only of these, or naming a platform, is none.
_PLATFORM_NAMES = """
    facebook fb instagram insta ig tiktok youtube yt pinterest twitter linkedin threads
    bluesky bsky mastodon snapchat whatsapp telegram google maps
"""
_PLATFORM_WORDS = """
    official page pages profile account accounts channel channels welcome home homepage
    website site web subscribe subscribers subscription follow followers following like
    likes share shares comment comments link links bio video videos story stories post
    posts reel reels short shorts clip clips content update updates board boards pin pins
    feed live stream tweet tweets thread inbox message messages click tap swipe watch visit
    check contact email call info information news new latest more here hi hello hey
    guys everyone thanks thank
    uradna uradni stran profil dobrodošli sledite
    offizielle offizieller seite kanal willkommen folgt
    oficial oficiales página canal bienvenidos bienvenido síguenos
    officielle officiel chaîne bienvenue suivez
    ufficiale pagina benvenuti seguici
    página bem-vindo bem-vindos siga
    karibu ukurasa rasmi
    официальный официальная страница канал подписаться подписывайтесь подпишись спасибо
"""
PLATFORM_NAMES: frozenset[str] = frozenset(_PLATFORM_NAMES.split())
PLATFORM_WORDS: frozenset[str] = frozenset(_PLATFORM_WORDS.split())
