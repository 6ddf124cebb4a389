"""Round 6 of ID rules, found on the development set data/dev_identity: form-field separators,
more label wordings, any question for an ID label in a chat, values named after they are written,
identifier layouts that need no label (IMEI, ICCID, French NIR and tax number, lower-case codice
fiscale, UK NINO and driving licence, Indian driving licence), sort code with account number,
repeated and corrected values; and the look-alikes that must stay unmasked."""

from __future__ import annotations

import pytest

from pipelines.pii import Pseudonymizer, detect


def _found(text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.type) for s in detect(text)}


@pytest.mark.parametrize(
    "text, value",
    [
        # form fields: "*", "(required)", " | ", "...", "should be"
        ("Meter no.*: 1QCX6149122709\nTopic: billing", "1QCX6149122709"),
        ("userid (required): marta_k1983\nmessage (required): hi", "marta_k1983"),
        ("Mortgage a/c | MTG40021937\nTel: see above", "MTG40021937"),
        ("membership no... 771204. thanks", "771204"),
        ("ok so memebr number should be 406081. cheers", "406081"),
        ("loyalty card number (9826 4410 9961 40), see you soon", "9826 4410 9961 40"),
        # label wordings: misspellings, other languages, supply points, abbreviations
        ("please quote acount number 25144888 in all correspondence", "25144888"),
        ("Custmer number (required): 5493 736 542", "5493 736 542"),
        ("NÚMERO DE CLIENTE: C-870-2145", "C-870-2145"),
        ("Numéro de police: HX/318446/80", "HX/318446/80"),
        ("meter point reference*: 363902374", "363902374"),
        ("Zählernummer: L61OW79185, danke", "L61OW79185"),
        ("Your n° de compte is 4617 9097 00.", "4617 9097 00"),
        ("Paspoortnummer: IT2H1Z90\nGroet", "IT2H1Z90"),
        # a chat question for any ID label, answered on the next line
        ("Agent: Could I take your PPS no.?\nMe: 5384429HW\nAgent: thanks", "5384429HW"),
        ("Agent: I'll need your loan a/c to go further.\nme: LN168703988\n", "LN168703988"),
        ("Agent: What's the NI # on the account?\nMe: YN627230C\n", "YN627230C"),
        ("Agent: Could I take your PAYROLL NUMBER?\nMe: one sec.. 596562\n", "596562"),
        ("Agent: Could I take your driver's license number?\nYou: ok - MH18-20121669447\n", "MH18-20121669447"),
        # the value before the label that names it
        ("9275 6282 5226 (Aadhaar)", "9275 6282 5226"),
        ("369533 (mem#)", "369533"),
        ("T77UMQ36P96 (that's my führerscheinnummer)", "T77UMQ36P96"),
        ("GM-352481 is my gym id", "GM-352481"),
        # layouts that need no label
        ("the phone 35-209900-176148-1 was stolen", "35-209900-176148-1"),
        ("device 35 209900 176148 1 is blocked", "35 209900 176148 1"),
        ("new sim 89441 02100 00012 3451 arrived", "89441 02100 00012 3451"),
        ("my number is 2 79 05 99 123 045 80 for the claim", "2 79 05 99 123 045 80"),
        ("the tax office wrote to 30 23 217 600 053 last week", "30 23 217 600 053"),
        ("for the pharmacy, rssmra85t10a562s", "rssmra85t10a562s"),
        ("here: EW 538381 B", "EW 538381 B"),
        ("the card shows HARPE 903095 RW9PP on the front", "HARPE 903095 RW9PP"),
        ("licence KA21 20075743736 expired", "KA21 20075743736"),
        # a sort code with its account number, after a bank cue
        ("account details - 79-00-96 87358717", "79-00-96 87358717"),
        ("sort code and account number: 52-99-16 / 44467421 (pls check)", "52-99-16 / 44467421"),
    ],
)
def test_id_wordings_and_layouts(text, value):
    assert (value, "ID") in _found(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("ni no: LX135514C. i repeat, LX135514C.", "LX135514C"),
        ("CIF no 3613 7398 76 (again: 3613 7398 76)", "3613 7398 76"),
    ],
)
def test_a_value_found_once_is_an_id_where_it_is_repeated(text, value):
    spans = [(s.start, s.end) for s in detect(text) if s.type == "ID"]
    starts = [i for i in range(len(text)) if text.startswith(value, i)]
    assert len(starts) == 2 and all((i, i + len(value)) in spans for i in starts)


@pytest.mark.parametrize(
    "text, value",
    [
        ("phone account number LL-97931306.. no wait, typo, LL-99731306, thanks", "LL-99731306"),
        ("login: lrinaldi07 *lrinaldi70", "lrinaldi70"),
        ("imei # 35893209-1835207 sorry i mean 35893209-1835027, thanks", "35893209-1835027"),
    ],
)
def test_a_corrected_value_of_the_same_shape_is_an_id(text, value):
    assert (value, "ID") in _found(text)


@pytest.mark.parametrize(
    "text, value",
    [
        # an HL7 reference range after the unit "mg/dL" (not the "DL" label), pipes are no separators
        ("OBX|1|NM|2160-0^Creatinine^LN||0.6|mg/dL|0.6-1.3|H|||F", "0.6-1.3"),
        # service requests, penalty charge notices, applications, companies, German order numbers
        ("they mentioned SR #410982606.", "410982606"),
        ("(re PCN ZG41847913)", "ZG41847913"),
        ("also application number 8168084113.", "8168084113"),
        ("also company no. 05773294.", "05773294"),
        ("Bestellnummer 799236074 - bitte prüfen", "799236074"),
        # a sort code with an account number but no bank cue: no single ID across both
        ("the score was 12-14-16 12345678 points", "12-14-16 12345678"),
        # an IMEI-like grouping whose check digit fails
        ("part 35-209900-176148-2 in stock", "35-209900-176148-2"),
    ],
)
def test_look_alikes_stay_unmasked(text, value):
    assert all(v != value for v, _ in _found(text)), _found(text)


def test_name_letters_of_a_licence_or_tax_code_do_not_survive_pseudonymization():
    ps = Pseudonymizer(b"k" * 32)
    for value in ("HARPE 903095 RW9PP", "RSSMRA85T10A562S"):
        out = ps.surrogate("ID", value)
        assert len(out) == len(value) and out[:5] != value[:5]
    assert ps.surrogate("ID", "MRN 00123456").startswith("MRN ")  # a short label prefix is kept


@pytest.mark.parametrize(
    "text, name",
    [
        # a name field's value in any case, alone on its line
        ("[Contact form]\nfull name (required): isa\nemail (required): x@example.com", "isa"),
        ("details:\n  - name - ana belén gutierrez\n  - nie - Y5522167L", "ana belén gutierrez"),
        ("1) name - david\n2) 540541297 (passport no)", "david"),
        # "<name> here" opening a message
        ("ottavio here. the transfer to my account failed", "ottavio"),
        ("arjun bhattacharya here. i need to change my plan", "arjun bhattacharya"),
        # a relative after "my"
        ("my partner Cauã Pereira is on the account too.", "Cauã Pereira"),
        ("my wife R. LEONARD is on the account too.", "R. LEONARD"),
        # a chat line's speaker, without a time of day, wherever the word occurs
        ("Fern: Hi, I'm Fern, how can I help?\nXiaoming: my sim is dead\nFern: Could I take your number?", "Fern"),
        ("Priya: hi\nyaw: i missed my appointment\nPriya: no problem\nyaw: thanks", "yaw"),
    ],
)
def test_names_in_chats_and_forms_in_any_case(text, name):
    assert (name, "PERSON") in _found(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("the transfer to my sister hasn't arrived.", "hasn't arrived"),  # a verb after a relation
        ("Name: see attached\nEmail: x@example.com", "see attached"),  # no listed or capitalised word
        ("Topic: billing\nMessage: hello\nTopic: again", "Topic"),  # a form's field names are no speakers
        ("we are here. all good", "we"),
    ],
)
def test_chat_and_form_look_alikes_are_not_names(text, value):
    assert (value, "PERSON") not in _found(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("[18:07] Bot: You're now chatting with Jomar.\n[18:08] You: hi", "Jomar"),
        ("[15:16] Agent (Princess): And the cust ref?", "Princess"),
        ("hi um this is amanda calling about my statement", "amanda"),
        ("From: da Paz, Ravy <r.dapaz@example.com>", "da Paz, Ravy"),
    ],
)
def test_names_after_chat_cues_and_with_particles(text, name):
    assert (name, "PERSON") in _found(text)
