"""Developer tool: regenerate the name gazetteer files from Faker's person lists.

Run ``python -m pipelines.pii._build_names`` with Faker installed. Faker is a
dev-only dependency: the library reads the generated files, never Faker itself.
Faker is MIT-licensed; its en_US lists are themselves derived from US Census
and SSA name frequency tables, the other locales from national name statistics.

* ``data/names_en_US.tsv``: Faker's en_US first (by gender) and last names.
* ``data/names_intl.tsv``: first and last names of Faker's other Latin-script
  locales (``INTL_LOCALES``; romanized lists for zh_CN and ja_JP), minus the
  en_US names, names shorter than three letters, common English words (Faker's
  en_US lorem word list plus ``COMMON_WORDS``) and the surrogate pools of
  ``_names`` (which must stay disjoint from the gazetteer), and place names
  (``_places``: cities, states, countries; "London", "Paris" are places first),
  plus the hand-kept supplements (``SUPPLEMENT_*``, ``SHORT_LAST``), which only
  countries, states and cities of a million people or more keep out.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

OUT = Path(__file__).with_name("data") / "names_en_US.tsv"
OUT_INTL = Path(__file__).with_name("data") / "names_intl.tsv"

INTL_LOCALES = (
    "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_PK", "en_NZ", "de_DE", "de_AT", "de_CH", "fr_FR",
    "fr_CA", "es_ES", "es_MX", "es_CO", "es_AR", "it_IT", "pt_BR", "pt_PT", "nl_NL", "nl_BE", "pl_PL",
    "cs_CZ", "sk_SK", "sv_SE", "no_NO", "da_DK", "fi_FI", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "lt_LT",
    "lv_LV", "et_EE", "tr_TR", "id_ID", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "zu_ZA", "sw", "ga_IE",
    "zh_CN", "ja_JP",
)
_FIRST_ATTRS = ("first_names", "first_names_female", "first_names_male", "first_romanized_names")
_LAST_ATTRS = ("last_names", "last_romanized_names")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏȘșȚț'’-]{3,}")
# Everyday words that Faker's lorem list lacks but that start sentences in
# customer-support and e-mail text (names that are also such words need a cue).
COMMON_WORDS = frozenset("""
hello hi hey dear thanks thank cheers regards best kind warm sincerely yours please sorry okay ok
team support help issue problem order refund account card bank phone mobile email mail router
internet service customer client agent caller user admin manager office branch store shop delivery
parcel package invoice ticket case update status today tomorrow yesterday morning evening night
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december spring summer autumn winter christmas easter
north south east west street road lane avenue city town village hill park bridge river lake
sent from via app web online offline login password code number amount total price fee charge
new old good great fine nice happy glad sure true false yes no not none all any each every
will can may might must shall should would could did does done went gone got get let make made
unit flat floor house home work job rose hope grace joy faith honor honour patience charity
""".split())


# Round 3: further Latin-script locales, romanized lists, and non-Latin lists transliterated
# (``_EXTRA_LOCALES``); their names, new to the gazetteer, are also kept out when they are
# everyday English words of Faker's en_US lorem parts of speech (a longer list than its words).
EXTRA_LOCALES = (
    "az_AZ", "de_LI", "de_LU", "en_TH", "es_CA", "es_CL", "fr_BE", "fr_CH", "fr_DZ", "fr_QC", "uz_UZ",
    "vi_VN", "zh_TW", "ko_KR", "ru_RU", "uk_UA", "bg_BG",
)
_EXTRA_ATTRS = ("middle_names", "first_romanized_names_female", "first_romanized_names_male")
# Well-known given names and surnames written in Latin letters that Faker's lists lack (general
# knowledge: common romanized Korean, Vietnamese, Chinese, Japanese, South Asian, Arabic, Persian,
# Turkish, West/East African names).
SUPPLEMENT_FIRST = """
ji-hoon jihoon min-jun minjun seo-yeon seoyeon ji-woo jiwoo ha-eun haeun do-yoon doyoon ye-jin yejin
min-ji minji hyun-woo hyunwoo ji-min jimin seung-hyun seunghyun jae-won jaewon sung-min sungmin
young-ho youngho eun-ji eunji so-yeon soyeon dong-hyun donghyun jun-ho junho hye-jin hyejin kyung-soo
jae-hyun jaehyun yoon-seo yoonseo soo-jin soojin ji-yeon jiyeon min-seo minseo tae-yang taeyang
duc minh anh thanh tuan hoang phuong huong linh trang quynh hieu khanh thao ngoc dung hung cuong
trung vinh nhung hanh tam thuy yen loan diep nguyet kim-anh bao duy khoa phuc quoc tien toan
xiaoming xiaoling xiaoyan xiaojun jianguo jianhua jianjun weiwei lili jingjing haoran zihan yuxuan
zhiwei zhihao junjie jiahao yiming mingyu kaixin ruoxi xinyi yutong shuang qiang gang jun ying
haruto yuto sota riku hinata kenji takeshi hiroki daiki kenta shota ryota yuki yuka ayaka misaki
haruka sakura aoi rin mei kaito ren akira hiroshi takumi naoko yoko keiko tomoko emi ayumi
deepak rahul amit anil sunil vikram sanjay karthik suresh ramesh mahesh rajesh dinesh ganesh naresh
prakash vijay ajay vinod manoj ashok sandeep pradeep rakesh mukesh harish girish satish nitin sachin
vivek abhishek akash ankit rohit mohit sumit gaurav saurabh varun tarun arun kiran pavan praveen
naveen srinivas venkat ravi kishore shankar murali balaji senthil karthikeyan arvind aravind
harsha nikhil pranav rishi siddharth yash aarav vihaan ishaan kabir divya swati shweta shruti
priyanka pallavi madhuri sunita anita kavita savita geeta seema rekha usha asha meena nisha ritu
preeti jyoti poonam rashmi archana vandana deepika aishwarya harini keerthana lavanya bhavana
tariq faisal hassan hussain husain mustafa mahmoud mahmood samir sameer nabil walid waleed karim
kareem rashid rasheed jamal khaled hamza anas bilal yasir yasser nasser nasir adel amr tamer
sherif osama ayman hani rami fadi ziad ziyad majid saeed said salem saleh sultan mansour
farah rana dina hala huda noor nour salma samira yasmin yasmine leila laila lina reem rawan
hiba hanan amal aaliyah maryam khadija zahra fatma aylin elif zeynep emre burak mehmet mustafa
cem kerem murat serkan onur tolga baris oguz hakan
reza mehdi hossein hamid ali-reza alireza behnaz shirin parisa maryam niloufar darius dariush
ngozi chioma chinedu chidi obinna ifeoma nneka adaeze amaka uche ikechukwu olumide oluwaseun
adebayo adeola ayodele babatunde folake funmilayo kehinde taiwo temitope tunde yetunde damilola
segun femi bola bukola kemi dayo kunle wale ade musa sani bello aminu garba ibrahim hauwa
kwabena kwesi kojo kofi ama efua esi adjoa abena akosua yaa kwasi fiifi
wanjiru wambui njeri kamau otieno ochieng odhiambo achieng atieno akinyi baraka juma zawadi
thabo sipho thandiwe nomvula lerato lindiwe bongani themba mandla zanele nokuthula
tendai tatenda chipo farai rudo tapiwa
"""
SUPPLEMENT_LAST = """
lee park choi jung jeong kang cho yoon yun jang lim han shin kwon hwang ahn song yoo hong jeon
moon baek heo nam noh kwak sung cha joo woo ryu chae bae pyo
nguyen tran pham hoang huynh phan truong dang bui ngo duong dinh doan lam luong trinh vuong
quach thai chau
zhang wang liu chen yang zhao huang zhou xu sun zhu gao guo luo zheng liang xie tang feng deng
cao peng zeng xiao tian dong yuan pan jiang cai jia ding wei xue yan qian tan lu su ye kong
takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto ishikawa ogawa okada
kumar sharma verma gupta singh patel shah mehta joshi desai iyer iyengar nair menon pillai reddy
rao naidu chowdhury chaudhary banerjee chatterjee mukherjee bose das ghosh sen dutta mishra
pandey tiwari dubey yadav jain agarwal aggarwal bansal malhotra kapoor khanna chopra bhatia
sethi arora saxena srivastava trivedi kulkarni deshpande patil pawar jadhav shinde naik hegde
shetty krishnan subramaniam subramanian ramachandran raghavan venkatesan narayanan gopal
siddiqui qureshi ansari sheikh shaikh chaudhry hussain akhtar rizvi zaidi abbasi mirza baig
haddad khoury nassar saleh mansour hamdan darwish awad khalil ibrahim aziz rahman rahim karim
hassan hussein abdullah abdallah mahmoud mustafa farouk nasser othman osman yousef youssef
al-farsi al-amin al-sayed el-sayed elsayed al-rashid al-hashimi al-masri el-masri
hosseini mohammadi ahmadi rezaei karimi moradi jafari rahimi kazemi sadeghi
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan
okafor okeke okonkwo eze nwosu obi adeyemi adebayo adeleke ogunleye oyelaran balogun bello
abubakar mohammed usman danjuma mensah asante boateng owusu osei agyeman appiah
kamau mwangi otieno ochieng njoroge kariuki odhiambo wanjiku mutua kiprop
nkosi dlamini ndlovu khumalo mokoena molefe zulu ngcobo sithole mahlangu
moyo ncube chikwanha mutasa
"""
# Round 4: more well-known given names and surnames (general knowledge: South Asian, Pakistani, Hebrew,
# Japanese, Chinese, Vietnamese, Southern/East African, Nigerian, Greek, Ukrainian, Polish, Uzbek,
# Hawaiian, Malay, Somali, Ethiopian, Arabic, Portuguese/Brazilian).
SUPPLEMENT_FIRST_4 = """
sanjeev rajeev manish hemant sudhir tushar ananya aditi rajat junaid shahid naveed adeel zubair waqar
moshe avraham tamar eitan shira itai yitzhak chaim rivka yehuda tzvi efrat
daichi kazuki ryo sora yuna riko hayato yuma kohei shinji tetsuya masato takashi satoshi makoto hideo hiroko
mariko noriko sachiko megumi
hui xin qing ning zhen yifan zixuan yuhan xiaohong xiaomei xiaowei jiayi shuting jiawei yuqi
hoa ngan uyen nhi huy binh thinh nhan khang
kagiso palesa mpho tumelo karabo lesego boitumelo tshepo kgosi naledi refilwe
giorgos panagiotis vasilis nikos kateryna dmytro oleksiy mykola halyna tetiana
dilnoza gulnora shahlo nodira bekzod rustam farrukh leilani moana noelani keoni kalani
oluwaseyi oluwatobi chinonso adaobi tobenna chidinma obiageli nkechi onyeka chibuike
abdikarim hodan fartun tigist hiwot meseret bereket dawit yohannes mekdes
mohd muhamad norazlina azlan faizal syafiq amirul nurhaliza isabela leticia
rizwan imtiaz mushtaq khurram zeeshan faraz shabnam farzana nasreen rubina shazia uzma hira mahnoor aiman
"""
SUPPLEMENT_LAST_4 = """
karimova karimov rakhimov abdullaev papadopoulos papadakis georgiou nikolaidis konstantinou dimitriou vlachos
mizrahi goldberg shapiro katz peretz biton dahan bondar shevchenko kravchenko oliynyk melnyk kovalchuk
kowalski wisniewski wojcik kaminski lewandowski zielinski szymanski adewale adjei amoah zungu
tesfaye bekele haile gebremariam tadesse girma mengistu hashemi tehrani alhassan al-hassan alharbi al-harbi
alqahtani al-qahtani alotaibi al-otaibi alzahrani al-zahrani alshammari al-shammari
saito ishii murakami miura yamashita okamoto fujita gao zou yao mao raza hashmi
pereira barbosa oliveira sousa machado monteiro fonseca
"""
# Two-letter Vietnamese and Chinese surnames that are no English words (the other lists keep names of
# three letters or more; "Le", "Li", "Wu", "Ho" come from Faker's en_US list).
SHORT_LAST = "vo vu ly xu ng hu lu yi"
# A town that shares a supplement name does not ban it (only countries, states and cities of a million
# people or more do: "Gao", "Nakamura", "Hassan" are names first); "kong" stays out ("Hong Kong").
_PLACE_BAN_POP = 1_000_000
_SUPPLEMENT_NOT = frozenset({"kong"})

# English words (and a few words of support text) that the round-3 lists would add as names.
_NEW_COMMON = frozenset("""
anon arab iban kin latin len median muslim poll prov sin slovak valid thai yen hung dung tam chin boil heck
hoop amigo gato bog cop dub fog gap gig hub jab jog lag mob nod peg pod pun rig rot sag sip tab tug vat wig
yak zip bin ban bun con den dim din dip dot fin fun gum gun hip hop hut jam jet kit lab lid lip log mop mud
nap nun pad pal pan pat pit pop pot rag ram rat rib rim rob rod rug rum sap sob sod sum sun tan tap tar tin
tip ton top toy tub van vet war wax web wit yam zen bay cap cat dog hat hen ink jar key leg map net owl pin
rod sky tea toe van via yes sir mix max pro fix set get let cash bill buy sale deal loan fee tax pay card
""".split())
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g".split()))
_HANGUL_L = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_HANGUL_V = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_HANGUL_T = ("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split())


def _fold(name: str) -> str:
    """``name`` in ASCII letters: accents dropped ("Nguyễn" -> "Nguyen"), a few letters
    spelled out ("ß" -> "ss", "đ" -> "d"), Cyrillic transliterated, Hangul romanized
    (Revised Romanization, syllables joined: "민준" -> "minjun")."""
    import unicodedata

    out = []
    for ch in name:
        low = ch.lower()
        if low in _CYRILLIC:
            t = _CYRILLIC[low]
            out.append("" if t == "-" else t)
        elif "\uac00" <= ch <= "\ud7a3":
            i = ord(ch) - 0xAC00
            lead, vowel, tail = i // 588, (i % 588) // 28, i % 28
            out.append(("" if _HANGUL_L[lead] == "-" else _HANGUL_L[lead]) + _HANGUL_V[vowel]
                       + ("" if _HANGUL_T[tail] == "-" else _HANGUL_T[tail]))
        else:
            ch = {"ß": "ss", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ø": "o", "Ø": "o",
                  "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ə": "e",
                  "Ə": "e"}.get(ch, ch)
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
    return "".join(out).lower()


def _extra_names(locale: str) -> tuple[set[str], set[str]]:
    """First and last names of an ``EXTRA_LOCALES`` locale, folded to ASCII (both forms kept
    when the original is Latin: "José" and "jose")."""
    p = importlib.import_module(f"faker.providers.person.{locale}").Provider
    first: set[str] = set()
    last: set[str] = set()
    for attrs, acc in ((_FIRST_ATTRS + _EXTRA_ATTRS, first), (_LAST_ATTRS, last)):
        for a in attrs:
            v = getattr(p, a, None) or ()
            if not isinstance(v, (dict, list, tuple)):
                continue
            for n in (v.keys() if isinstance(v, dict) else v):
                for part in str(n).split():
                    forms = {part, _fold(part)} if locale not in ("ko_KR",) else {_fold(part)}
                    if "-" in part and part.isupper():  # "CHIH-MING": also "chihming"
                        forms.add(part.replace("-", ""))
                    for f in forms:
                        if _LATIN.fullmatch(f):
                            acc.add(f.lower())
    return first, last


def _faker_names(locale: str) -> tuple[set[str], set[str]]:
    p = importlib.import_module(f"faker.providers.person.{locale}").Provider
    first: set[str] = set()
    last: set[str] = set()
    for attrs, acc in ((_FIRST_ATTRS, first), (_LAST_ATTRS, last)):
        for a in attrs:
            for n in getattr(p, a, None) or ():
                for part in str(n).split():
                    if _LATIN.fullmatch(part):
                        acc.add(part)
    return first, last


def main() -> None:
    import faker
    from faker.providers.lorem.en_US import Provider as Lorem
    from faker.providers.person.en_US import Provider

    from ._names import SURROGATE_FIRST_F, SURROGATE_FIRST_M, SURROGATE_LAST

    rows: list[str] = []
    for tag, names in (
        ("F", Provider.first_names_female),
        ("M", Provider.first_names_male),
        ("L", Provider.last_names),
    ):
        rows.extend(f"{tag}\t{n}" for n in sorted(set(names)))
    header = [
        "# Name gazetteer for pipelines.pii (PERSON detection and surrogate gender).",
        f"# Source: Faker {faker.VERSION}, faker/providers/person/en_US "
        "(first_names_female, first_names_male, last_names); MIT license.",
        "# Regenerate: python -m pipelines.pii._build_names",
        "# Format: F|M|L <TAB> name  (F/M = female/male first name, L = last name)",
    ]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8", newline="\n")

    known = {n.lower() for n in (*Provider.first_names_female, *Provider.first_names_male, *Provider.last_names)}
    banned = known | {w.lower() for w in Lorem.word_list} | COMMON_WORDS | {
        n.lower() for n in SURROGATE_FIRST_F + SURROGATE_FIRST_M + SURROGATE_LAST}
    first: set[str] = set()
    last: set[str] = set()
    for loc in INTL_LOCALES:
        f, l_ = _faker_names(loc)
        first |= {n.lower() for n in f}
        last |= {n.lower() for n in l_}
    from ._places import places

    banned |= set(places().names)
    first -= banned
    last -= banned | first
    # round 3 additions: ASCII forms of the names above, the extra locales, the supplement
    common = {w.lower() for ws in getattr(Lorem, "parts_of_speech", {}).values() for w in ws}
    new_first = {_fold(n) for n in first} | set(SUPPLEMENT_FIRST.split())
    new_last = {_fold(n) for n in last} | set(SUPPLEMENT_LAST.split())
    for loc in EXTRA_LOCALES:
        f, l_ = _extra_names(loc)
        new_first |= f
        new_last |= l_
    common |= _NEW_COMMON
    new_first = {n for n in new_first if _LATIN.fullmatch(n)} - banned - common
    new_last = {n for n in new_last if _LATIN.fullmatch(n)} - banned - common
    first |= new_first
    last |= new_last - first
    # round 4: the supplements, banned by a place only when it is a country, a state or a big city
    pl = places()
    big = {n for n, k in pl.names.items() if k != "CITY" or pl.city_pop.get(n, 0) >= _PLACE_BAN_POP}
    sup_banned = (banned - set(pl.names)) | big | common | _SUPPLEMENT_NOT
    sup_first = set((SUPPLEMENT_FIRST + SUPPLEMENT_FIRST_4).split())
    sup_last = set((SUPPLEMENT_LAST + SUPPLEMENT_LAST_4).split())
    first |= {n for n in sup_first if _LATIN.fullmatch(n)} - sup_banned
    last |= ({n for n in sup_last if _LATIN.fullmatch(n)} | set(SHORT_LAST.split())) - sup_banned - first
    rows = [f"N\t{n}" for n in sorted(first)] + [f"L\t{n}" for n in sorted(last)]
    header = [
        "# International name gazetteer for pipelines.pii (PERSON detection only; no gender).",
        f"# Source: Faker {faker.VERSION}, faker/providers/person/<locale> first and last name lists "
        f"(MIT license) of: {' '.join(INTL_LOCALES)};",
        f"# with ASCII-folded forms, the romanized/transliterated lists of: {' '.join(EXTRA_LOCALES)},",
        "# and SUPPLEMENT_FIRST/SUPPLEMENT_LAST(_4) and SHORT_LAST of _build_names (well-known romanized names;",
        "# these are kept out by a place name only for countries, states and cities of 1,000,000 people or more).",
        "# Latin script only; minus en_US names, names under 3 letters, common English words, surrogate pools,",
        "# place names (pipelines.pii._places).",
        "# Regenerate: python -m pipelines.pii._build_names",
        "# Format: N|L <TAB> lower-case name  (N = first name, L = last name)",
    ]
    OUT_INTL.write_text("\n".join(header + rows) + "\n", encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
