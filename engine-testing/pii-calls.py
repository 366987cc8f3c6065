#!/usr/bin/env python3
"""Writes the labelled redaction set, src/main/resources/io/callintel/testing/pii/pii.calls.

Each call is a short scripted exchange in which personal data is said in one of many spoken forms, beside numbers
that are not personal (amounts, times, references). A line that says personal data says nothing else and is marked
{TYPE}, so its time in the rendered call is the data's time. The tuning half and the held-out half draw on disjoint
halves of every list of phrasings (even and odd entries), so the held-out calls say things in ways tuning never saw.
A second held-out set ("set: fresh", calls pii-fresh-NN) has phrasings, distractors and voices of its own, written
after the method's first tuning had ended; a second tuning set ("set: dev", pii-dev-NN) was written after that,
and a third held-out set ("set: blind", pii-blind-NN) after the third round of tuning.
Run once; the output is committed. Deterministic (seeded).
"""
import random
import sys

random.seed(19)
UNITS = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def luhn_complete(prefix, length):
    body = prefix + "".join(random.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for check in "0123456789":
        digits = body + check
        total = 0
        for i, c in enumerate(reversed(digits)):
            d = int(c)
            if i % 2:
                d = d * 2 - 9 if d * 2 > 9 else d * 2
            total += d
        if total % 10 == 0:
            return digits


def digit(c, oh):
    return ("oh" if oh else "zero") if c == "0" else UNITS[int(c)]


def one_by_one(digits, oh=True, doubles=False, groups=4):
    words, i = [], 0
    while i < len(digits):
        if doubles and i + 1 < len(digits) and digits[i] == digits[i + 1] and (i + 1) % groups != 0:
            words.append("double " + digit(digits[i], oh))
            i += 2
        else:
            words.append(digit(digits[i], oh))
            i += 1
        if i % groups == 0 and i < len(digits):
            words[-1] += ","
    return " ".join(words)


def pair(p):
    a, b = int(p[0]), int(p[1])
    if a == 0:
        return "oh " + UNITS[b] if b else "double oh"
    if a == 1:
        return TEENS[b]
    return TENS[a] + ("" if b == 0 else " " + UNITS[b])


def pairs(digits):
    out = []
    for g in range(0, len(digits), 4):
        group = digits[g:g + 4]
        out.append(" ".join(pair(group[k:k + 2]) if len(group[k:k + 2]) == 2 else digit(group[k], True)
                            for k in range(0, len(group), 2)))
    return ", ".join(out)


def card_text(style, digits):
    return [lambda d: one_by_one(d), lambda d: pairs(d), lambda d: one_by_one(d, oh=False, doubles=True),
            lambda d: one_by_one(d, oh=True, doubles=True)][style % 4](digits)


def card(style):
    prefix = random.choice(["4", "4", "51", "53", "55", "37"])
    return card_text(style, luhn_complete(prefix, 15 if prefix == "37" else 16))


MONTHS = "January February March April May June July August September October November December".split()
ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
       "twentieth", "twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth",
       "twenty sixth", "twenty seventh", "twenty eighth"]


def year():
    y = random.randint(1950, 2002)
    return ("nineteen " + pair(str(y)[2:])) if y < 2000 else "two thousand and " + UNITS[y - 2000]


def dob(style):
    m, d = random.randrange(12), random.randrange(28)
    return [f"the {ORD[d]} of {MONTHS[m]}, {year()}", f"{MONTHS[m]} {ORD[d]}, {year()}",
            one_by_one(f"{d + 1:02d}{m + 1:02d}", groups=2) + ", " + pair(str(random.randint(50, 99))),
            f"{ORD[d]} {MONTHS[m]} {year()}"][style % 4]


def expiry(style):
    m, y = random.randint(1, 12), random.randint(26, 31)
    return [one_by_one(f"{m:02d}", groups=9) + " " + pair(str(y)), f"{MONTHS[m - 1]} twenty {pair(str(y))}",
            pair(f"{m:02d}") + " slash " + pair(str(y)), f"{MONTHS[m - 1]} two thousand {pair(str(y))}"][style % 4]


def digits(n):
    return "".join(random.choice("0123456789") for _ in range(n))


def phone(style):
    if style % 2:
        return one_by_one("07" + digits(9), doubles=True, groups=5)
    return one_by_one(str(random.randint(2, 9)) + digits(9), groups=3)


FIRST = ["Sarah", "Robert", "Emma", "David", "Priya", "James", "Maria", "Thomas", "Grace", "Daniel", "Laura", "Peter",
         "Helen", "Michael", "Anna", "George"]
LAST = ["Connor", "Mills", "Walker", "Hughes", "Patel", "Turner", "Garcia", "Bennett", "Foster", "Reid", "Harper",
        "Collins", "Ward", "Price", "Morgan", "Ellis"]
STREETS = ["Oak Street", "Baker Street", "Mill Lane", "Station Road", "Park Avenue", "Church Road", "Elm Drive",
           "Victoria Road", "High Street", "Maple Avenue", "Queens Road", "Green Lane"]
TOWNS = ["Springfield", "Leeds", "Bristol", "Denver", "Norwich", "Austin", "Glasgow", "Portland"]
DOMAINS = ["gmail dot com", "outlook dot com", "yahoo dot co dot uk", "example dot org", "hotmail dot com",
           "mail dot net"]


def full_name():
    return f"{random.choice(FIRST)} {random.choice(LAST)}"


def street():
    return f"{house()} {random.choice(STREETS)}"


def ni_number(suffix):
    return " ".join(random.sample("a b c e g h j k".split(), 2)) + " " + one_by_one(digits(6), groups=2) + " " + suffix


def house():
    return random.choice(["twelve", "forty two", "seven", "one hundred and five", "twenty three", "eighty eight",
                          "three", "two hundred and eleven"])


# Each entry: (agent prompt or None, customer lead-in or None, type, text maker). Even entries tune, odd hold out.
CASES = [
    ("Can I take the long number on the card, please?", None, "CARD_NUMBER", lambda s: card(s)),
    ("What's the card number?", "Sure, it's", "CARD_NUMBER", lambda s: card(s + 1)),
    ("Could you read me the sixteen digits across the front of your card?", None, "CARD_NUMBER", lambda s: card(s + 2)),
    (None, "I'd like to pay with my Visa. The number is", "CARD_NUMBER", lambda s: card(s + 3)),
    ("Which card would you like to use? Go ahead with the number.", None, "CARD_NUMBER", lambda s: card(s)),
    (None, "Okay, my debit card is", "CARD_NUMBER", lambda s: card(s + 1)),
    ("And the expiry date?", None, "EXPIRY_DATE", expiry),
    ("When does the card expire?", "It expires", "EXPIRY_DATE", expiry),
    ("And the three digit security code on the back?", None, "CVV", lambda s: one_by_one(digits(3))),
    ("Lastly the CVV, please.", "It's", "CVV", lambda s: one_by_one(digits(3))),
    ("Can you confirm your date of birth for me?", "Sure, it's", "DATE_OF_BIRTH", dob),
    ("For security, what's your date of birth?", None, "DATE_OF_BIRTH", dob),
    (None, "I was born on", "DATE_OF_BIRTH", dob),
    ("And your birthday, please?", "It's", "DATE_OF_BIRTH", dob),
    ("What's the best phone number to reach you on?", None, "PHONE_NUMBER", phone),
    (None, "You can call me back on", "PHONE_NUMBER", lambda s: phone(s + 1)),
    ("Could I get a contact number?", "Yes, it's", "PHONE_NUMBER", phone),
    (None, "My mobile number is", "PHONE_NUMBER", lambda s: phone(s + 1)),
    ("What's your sort code?", None, "SORT_CODE", lambda s: pairs(digits(6))),
    ("And the sort code on the account?", "It's", "SORT_CODE", lambda s: one_by_one(digits(6), groups=2)),
    ("And the account number?", None, "BANK_ACCOUNT", lambda s: one_by_one(digits(8))),
    (None, "My bank account number is", "BANK_ACCOUNT", lambda s: one_by_one(digits(8), doubles=True)),
    ("Can you give me your social security number?", None, "SSN", lambda s: one_by_one(digits(9), groups=3)),
    (None, "My social security number is", "SSN", lambda s: one_by_one(digits(9), groups=3, doubles=True)),
    ("What's your national insurance number?", None, "NATIONAL_ID",
     lambda s: ni_number("d")),
    ("And your zip code?", None, "POSTCODE", lambda s: one_by_one(digits(5), groups=9)),
    ("What's your postcode?", "It's", "POSTCODE",
     lambda s: random.choice(["s w one a, one a a", "l s two, seven e x", "b s eight, one t h", "m one, one a e"])),
    ("What's the best email address for you?", None, "EMAIL",
     lambda s: f"{random.choice(FIRST).lower()} dot {random.choice(LAST).lower()} at {random.choice(DOMAINS)}"),
    (None, "My email is", "EMAIL",
     lambda s: f"{random.choice(FIRST).lower()} {digits(2)[0]} at {random.choice(DOMAINS)}"),
    ("Can I take your full name, please?", None, "NAME", lambda s: full_name() + "."),
    (None, "Hi, my name is", "NAME", lambda s: full_name()),
    ("Who am I speaking with today?", None, "NAME", lambda s: full_name() + "."),
    (None, "Hello, this is", "NAME", lambda s: f"{random.choice(FIRST)}"),
    ("And what's your address?", None, "ADDRESS",
     lambda s: f"{street()}, {random.choice(TOWNS)}."),
    (None, "I live at", "ADDRESS", lambda s: street()),
    ("Can you confirm the first line of your address?", None, "ADDRESS",
     lambda s: street() + "."),
    (None, "Please send it to", "ADDRESS", lambda s: f"{street()}, {random.choice(TOWNS)}"),
]
AFTER_NAME = {"Hello, this is": "speaking."}

# Lines with numbers that are not personal data: they must stay as they are.
DISTRACTORS = [
    ("A", "The balance on your card is four hundred and twelve dollars."),
    ("C", "Can you call me at three thirty this afternoon?"),
    ("A", "Your reference number is seven seven three one nine two eight."),
    ("C", "I've had the account for about twelve years."),
    ("A", "The payment of two hundred and fifty pounds went out on the fifth."),
    ("A", "Your order number is one two three four five six seven eight."),
    ("C", "I have an appointment on March third at ten o'clock."),
    ("A", "That will take three to five working days."),
    ("C", "I paid it twice, so that's ninety nine ninety nine each time."),
    ("A", "The interest rate is nineteen point nine percent."),
    ("C", "It was about two weeks ago, maybe on the twentieth."),
    ("A", "Your claim number is four four one zero two."),
    ("A", "You have thirty days to return it."),
    ("C", "I ordered six of them back in two thousand and nineteen."),
]

VOICES = ["espeak en-us 40 160", "espeak en+f3 70 150", "espeak en-gb-scotland 45 160", "espeak en-us+m3 40 170",
          "espeak en-us+f2 50 165", "flite kal16 0 160", "flite awb 0 150", "flite rms 0 160", "flite slt 0 150",
          "festival kal_diphone 160", "espeak en+f4 70 150", "flite slt 190 150"]
OPENERS = ["Good morning, thank you for calling customer services.", "Hello, you're through to the accounts team.",
           "Thanks for holding, how can I help?", "Good afternoon, billing department."]
CLOSERS = ["Thank you, that's all updated for you.", "Perfect, thanks for confirming that.",
           "Great, is there anything else I can help with?", "Lovely, you're all set."]


def call(index, split):
    pool = [c for k, c in enumerate(CASES) if k % 2 == (0 if split == "tuning" else 1)]
    return scripted(f"pii-{split}-{index:02d}", [f"split: {split}"], index, pool, VOICES, OPENERS, CLOSERS, DISTRACTORS)


def scripted(name, header, index, pool, voices, openers, closers, distractors):
    """A call of four cases from the pool, each perhaps followed by a distractor, between an opener and a closer."""
    agent, customer = random.sample(voices, 2)
    lines = [("A", random.choice(openers))]
    chosen = random.sample(pool, 4)
    # a card number in most calls: the costly miss
    cards = [c for c in pool if c[2] == "CARD_NUMBER"]
    if not any(c[2] == "CARD_NUMBER" for c in chosen) and index % 4 != 3:
        chosen[0] = random.choice(cards)
    for k, (prompt, lead, kind, make) in enumerate(chosen):
        if prompt:
            lines.append(("A", prompt))
        if lead:
            lines.append(("C", lead))
        lines.append(("C", "{" + kind + "} " + make(index + k)))
        if lead in AFTER_NAME:
            lines.append(("C", AFTER_NAME[lead]))
        if random.random() < 0.7:
            lines.append(random.choice(distractors))
    lines.append(("A", random.choice(closers)))
    out = [f"call: {name}"] + header + [f"voices: {agent} | {customer}"]
    out += [f"{who}: {text}" for who, text in lines]
    return "\n".join(out)


# A second held-out set, written after the method's tuning had ended and never used to tune it: phrasings, numbers
# that are not personal and voices that neither half above has. Its calls are named pii-fresh-NN.
FRESH_CASES = [
    ("To process the payment I'll need the card number.", None, "CARD_NUMBER", lambda s: card(s)),
    ("Go ahead with the sixteen digit number when you're ready.", "Okay, here it is.", "CARD_NUMBER",
     lambda s: card(s + 1)),
    (None, "The card I want to use is", "CARD_NUMBER", lambda s: card(s + 2)),
    ("Please read out the number on the front of the card.", None, "CARD_NUMBER", lambda s: card(s + 3)),
    ("What are the digits on your Mastercard?", "They're", "CARD_NUMBER", lambda s: card(s)),
    ("What's the expiration date on that card?", None, "EXPIRY_DATE", expiry),
    ("And it's valid until when?", "Until", "EXPIRY_DATE", lambda s: expiry(s + 1)),
    ("I also need the security code from the back of the card.", None, "CVV", lambda s: one_by_one(digits(3))),
    ("What are the last three digits on the signature strip?", "They are", "CVV", lambda s: one_by_one(digits(3))),
    ("To verify your identity, can you tell me your date of birth?", None, "DATE_OF_BIRTH", dob),
    (None, "My birthday is", "DATE_OF_BIRTH", lambda s: dob(s + 1)),
    ("Is there a number we can reach you on?", "Yes, try", "PHONE_NUMBER", phone),
    (None, "My phone number is", "PHONE_NUMBER", lambda s: phone(s + 1)),
    ("What's your telephone number?", None, "PHONE_NUMBER", phone),
    ("Which account should the refund go to? I'll need the account number.", None, "BANK_ACCOUNT",
     lambda s: one_by_one(digits(8))),
    ("And the bank's sort code?", None, "SORT_CODE", lambda s: pairs(digits(6))),
    ("I'll need your social security number to continue.", None, "SSN",
     lambda s: one_by_one(digits(9), groups=3)),
    ("Could I have your national insurance number?", None, "NATIONAL_ID",
     lambda s: ni_number("c")),
    ("And the postcode for that address?", None, "POSTCODE",
     lambda s: random.choice(["n w three, four a b", "e c one, two p q", "c f ten, one d s"])),
    (None, "My zip code is", "POSTCODE", lambda s: one_by_one(digits(5), groups=9)),
    ("Where should we send the receipt? Your email address, please.", None, "EMAIL",
     lambda s: f"{random.choice(FIRST).lower()} {random.choice(LAST).lower()} at {random.choice(DOMAINS)}"),
    (None, "Send it to my email,", "EMAIL",
     lambda s: f"{random.choice(FIRST).lower()} underscore {digits(2)} at {random.choice(DOMAINS)}"),
    ("And who do I have the pleasure of speaking with?", None, "NAME",
     lambda s: full_name() + "."),
    (None, "Yes, hello, my name's", "NAME", lambda s: full_name()),
    ("Is the account in your name?", "Yes, it's under", "NAME",
     lambda s: full_name()),
    ("What's the address on the account?", None, "ADDRESS",
     lambda s: f"{street()}, {random.choice(TOWNS)}."),
    (None, "My address is", "ADDRESS", lambda s: street()),
]
FRESH_DISTRACTORS = [
    ("A", "Your ticket number is five five two nine one."),
    ("C", "I was charged forty nine ninety nine last month."),
    ("A", "We close at six thirty on weekdays."),
    ("C", "I've got two cards with you, actually."),
    ("A", "It should arrive in seven to ten days."),
    ("C", "I called three times last week."),
    ("A", "The fee is twenty five pounds a month."),
    ("C", "The model number is x two hundred."),
    ("A", "Your case ID is nine eight seven six five four."),
    ("C", "It's been about eighteen months now."),
]
FRESH_VOICES = ["espeak en-gb-x-rp 55 155", "espeak en-029 50 150", "espeak en-gb-x-gbclan 45 165",
                "espeak en-gb-x-gbcwmd 60 150", "espeak en-us+f4 60 160", "espeak en+m2 35 155",
                "flite awb 140 165", "flite kal16 110 150", "flite rms 120 145", "festival kal_diphone 150"]
FRESH_OPENERS = ["Hi there, you've reached the payments line.", "Good evening, support desk, how can I help?"]
FRESH_CLOSERS = ["Thanks, that's everything I need.", "All done, have a nice day."]


def fresh_call(index):
    return scripted(f"pii-fresh-{index:02d}", ["split: held-out", "set: fresh"], index, FRESH_CASES, FRESH_VOICES,
                    FRESH_OPENERS, FRESH_CLOSERS, FRESH_DISTRACTORS)


# A second tuning set (pii-dev-NN): more phrasings, distractors and voices for tuning, written after the first
# held-out runs. Seeded on its own, so the calls above stay as they were.
DEV_CASES = [
    ("Right, can you give me the full card number?", None, "CARD_NUMBER", lambda s: card(s)),
    (None, "Okay so the number on my card is", "CARD_NUMBER", lambda s: card(s + 1)),
    ("Whenever you're ready, read me the card number.", "Right, it's", "CARD_NUMBER", lambda s: card(s + 2)),
    ("And which card are you paying with today?", "My Amex, the number is", "CARD_NUMBER", lambda s: card(s + 3)),
    ("When does it expire?", None, "EXPIRY_DATE", expiry),
    ("What's the expiry on the card?", "It's", "EXPIRY_DATE", lambda s: expiry(s + 2)),
    ("And the CVC code, the three digits on the back?", None, "CVV", lambda s: one_by_one(digits(3))),
    ("Could you read me the security code?", "Sure,", "CVV", lambda s: one_by_one(digits(3))),
    ("What is your date of birth please?", None, "DATE_OF_BIRTH", dob),
    (None, "My date of birth is", "DATE_OF_BIRTH", lambda s: dob(s + 1)),
    ("Can I get a good callback number for you?", None, "PHONE_NUMBER", phone),
    (None, "You can reach me on", "PHONE_NUMBER", lambda s: phone(s + 1)),
    ("And your account number, please?", None, "BANK_ACCOUNT", lambda s: one_by_one(digits(8))),
    ("What's the sort code for that account?", None, "SORT_CODE", lambda s: pairs(digits(6))),
    ("Can you confirm your social security number?", None, "SSN", lambda s: one_by_one(digits(9), groups=3)),
    ("And your national insurance number?", "Yes, it's", "NATIONAL_ID",
     lambda s: ni_number("b")),
    ("What's your zip code?", None, "POSTCODE", lambda s: one_by_one(digits(5), groups=9)),
    ("Can I take your postcode?", None, "POSTCODE",
     lambda s: random.choice(["s e one, seven p b", "g two, three l l", "b one, one b b"])),
    ("What email address should I use?", None, "EMAIL",
     lambda s: f"{random.choice(FIRST).lower()} {random.choice(LAST).lower()} at {random.choice(DOMAINS)}"),
    (None, "My email address is", "EMAIL",
     lambda s: f"{random.choice(FIRST).lower()} dot {random.choice(LAST).lower()} {digits(2)} at {random.choice(DOMAINS)}"),
    ("May I have your name, please?", None, "NAME", lambda s: full_name() + "."),
    (None, "Hi, it's", "NAME", lambda s: full_name()),
    ("And your surname?", None, "NAME", lambda s: f"{random.choice(LAST)}."),
    ("What's your current address?", None, "ADDRESS",
     lambda s: f"{street()}, {random.choice(TOWNS)}."),
    (None, "I've moved to", "ADDRESS", lambda s: street()),
]
DEV_DISTRACTORS = [
    ("A", "Your booking reference is four two two eight one nine."),
    ("C", "I was on hold for twenty minutes."),
    ("A", "That comes to sixty four pounds fifty."),
    ("C", "I've got three kids, so it's busy."),
    ("A", "Your order should ship within two to three days."),
    ("C", "I think it was the fourteenth of last month."),
    ("A", "The total is one hundred and nine dollars."),
    ("C", "Room two oh four, the hotel said."),
]
DEV_VOICES = ["espeak en-us 55 150", "espeak en+f2 60 155", "espeak en-gb-x-rp 40 170", "espeak en-us+m4 45 150",
              "espeak en+m3 50 160", "espeak en-029 60 165", "flite slt 160 160", "flite rms 0 150"]


def dev_call(index):
    return scripted(f"pii-dev-{index:02d}", ["split: tuning", "set: dev"], index, DEV_CASES, DEV_VOICES,
                    ["Hi, thanks for calling, how can I help?", "Customer care, this is the payments team."],
                    ["Okay, that's all sorted.", "Thanks very much, bye now."], DEV_DISTRACTORS)


# A third held-out set (pii-blind-NN), written after the third round of tuning, in which the rule list that was read
# while tuning had been drawn from every set, held-out calls included. Phrasings, distractors and voices of its own;
# never used to tune. Seeded on its own, so the calls above stay as they were.
BLIND_CASES = [
    ("Let's get that payment set up. What's the number on the card?", None, "CARD_NUMBER", lambda s: card(s)),
    (None, "Right, the card number is", "CARD_NUMBER", lambda s: card(s + 1)),
    ("Could you give me all sixteen digits of the card?", "No problem,", "CARD_NUMBER", lambda s: card(s + 2)),
    ("Which card will you be using?", "My Mastercard, it's", "CARD_NUMBER", lambda s: card(s + 3)),
    ("Can you read the card number out slowly for me?", None, "CARD_NUMBER", lambda s: card(s)),
    ("What's the expiry month and year?", None, "EXPIRY_DATE", expiry),
    (None, "The card's valid until", "EXPIRY_DATE", lambda s: expiry(s + 1)),
    ("And the CVV code from the signature strip?", None, "CVV", lambda s: one_by_one(digits(3))),
    ("Finally, the three numbers on the back.", "Okay,", "CVV", lambda s: one_by_one(digits(3))),
    ("Just to confirm it's you, can I have your date of birth?", None, "DATE_OF_BIRTH", dob),
    (None, "Date of birth,", "DATE_OF_BIRTH", lambda s: dob(s + 1)),
    ("What's a good number to call you back on?", None, "PHONE_NUMBER", phone),
    (None, "My home phone is", "PHONE_NUMBER", lambda s: phone(s + 2)),
    ("Can I take a mobile number in case we get cut off?", "Sure,", "PHONE_NUMBER", lambda s: phone(s + 1)),
    ("Which account is the money coming from? I need the account number.", None, "BANK_ACCOUNT",
     lambda s: one_by_one(digits(8))),
    ("And the sort code for that bank?", None, "SORT_CODE", lambda s: pairs(digits(6))),
    ("For the credit check I'll need your social security number.", None, "SSN",
     lambda s: one_by_one(digits(9), groups=3)),
    ("Have you got your national insurance number there?", "Yes, it's", "NATIONAL_ID", lambda s: ni_number("a")),
    ("What's the postcode there?", None, "POSTCODE",
     lambda s: random.choice(["l one, eight j q", "e h three, nine g u", "s k four, two h d"])),
    ("And the zip code?", "It's", "POSTCODE", lambda s: one_by_one(digits(5), groups=9)),
    ("Can I get an email address for the receipt?", None, "EMAIL",
     lambda s: f"{random.choice(FIRST).lower()} dot {random.choice(LAST).lower()} at {random.choice(DOMAINS)}"),
    (None, "My email address is", "EMAIL",
     lambda s: f"{random.choice(FIRST).lower()} {digits(2)} at {random.choice(DOMAINS)}"),
    ("Can I ask who's calling?", None, "NAME", lambda s: full_name() + "."),
    (None, "Hello, my name is", "NAME", lambda s: full_name()),
    ("What address should we send the new card to?", None, "ADDRESS",
     lambda s: f"{street()}, {random.choice(TOWNS)}."),
    (None, "My address is", "ADDRESS", lambda s: street()),
]
BLIND_DISTRACTORS = [
    ("A", "Your account balance is three hundred and six pounds."),
    ("C", "I've been a customer for nine years."),
    ("A", "The next bill is due on the twenty first."),
    ("C", "I'll be in after four o'clock tomorrow."),
    ("A", "Your complaint reference is eight one one four two."),
    ("C", "It cost me about seventy five dollars."),
    ("A", "Delivery takes two to four working days."),
    ("C", "There were three charges of twelve fifty."),
    ("A", "Your ticket is number six one nine."),
    ("C", "I bought it in twenty twenty two."),
]
BLIND_VOICES = ["espeak en-us-nyc 50 155", "espeak en-gb 45 150", "espeak en-gb-scotland+f2 65 150",
                "espeak en-us+f3 60 155", "espeak en-gb-x-gbclan+m2 40 160", "espeak en-029+f4 65 150",
                "flite kal16 90 165", "flite rms 150 155", "flite slt 170 160", "festival kal_diphone 140"]


def blind_call(index):
    return scripted(f"pii-blind-{index:02d}", ["split: held-out", "set: blind"], index, BLIND_CASES, BLIND_VOICES,
                    ["Morning, you're through to card services.",
                     "Hello, accounts and payments, how can I help you today?"],
                    ["Great, I've got all that, thank you.", "That's all done for you now, goodbye."],
                    BLIND_DISTRACTORS)


print(__doc__.strip().replace("\n", "\n# ").join(["# ", ""]))
print()
for i in range(36):
    print(call(i, "tuning" if i % 2 == 0 else "held-out"))
    print()
for i in range(18):
    print(fresh_call(i))
    print()
random.seed(2026)
for i in range(20):
    print(dev_call(i))
    print()
random.seed(4242)
for i in range(18):
    print(blind_call(i))
    print()
