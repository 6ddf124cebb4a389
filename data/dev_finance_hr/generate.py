#!/usr/bin/env python3
"""Labelled development set: finance, insurance and HR documents.

Usage: python generate.py [--out DIR] [--seed N] [--n N]

Writes records.jsonl and pii_spans.jsonl into DIR (default: this folder).
Only the standard library and Faker (pinned 40.63.0) are used.  Every text is
built from pieces, so span offsets are exact by construction; a self-check at
the end asserts the span invariants.
"""
import argparse
import json
import os
import random
import sys
import unicodedata
from collections import Counter
from datetime import date, timedelta

from faker import Faker

PREFIX = "fin"
TYPES = {
    "PERSON", "EMAIL", "PHONE", "DATE", "AGE", "ADDRESS", "CITY", "STATE", "ZIP",
    "COUNTRY", "ORGANIZATION", "ID", "SSN", "CREDIT_CARD", "IBAN", "IP_ADDRESS",
    "URL", "NRP",
}


# ---------------------------------------------------------------------------
# Document builder: text is appended piece by piece, spans recorded as we go.
# ---------------------------------------------------------------------------
class Doc:
    def __init__(self):
        self.parts = []
        self.pos = 0
        self.spans = []

    def __call__(self, text, typ=None):
        """Append text; if typ is given the whole piece is one labelled span."""
        if not text:
            return self
        if typ is None and text[0] == "." and self.parts and self.parts[-1].endswith("."):
            text = text[1:]  # "Ltda." + ". " -> no doubled full stop
            if not text:
                return self
        if typ is not None:
            assert typ in TYPES, typ
            assert text == text.strip(), repr(text)
            self.spans.append((self.pos, self.pos + len(text), typ))
        self.parts.append(text)
        self.pos += len(text)
        return self

    def p(self, person, form="full", title=None, poss=False):
        """Append a person mention; title (Mr/Dr ...) and possessive stay outside."""
        if title:
            self(title + " ")
        self(person.render(form), "PERSON")
        if poss:
            self("'s")
        return self

    @property
    def text(self):
        return "".join(self.parts)


# ---------------------------------------------------------------------------
# Hand-typed name lists (typed from memory, not taken from Faker).
# ---------------------------------------------------------------------------
OWN = {
    "anglo": dict(
        m="James Oliver Thomas Daniel Matthew Christopher Andrew Stephen Gareth Rhys Callum Ewan Graham Nigel Trevor Kieran Dominic Howard".split(),
        f="Sarah Emma Charlotte Hannah Rebecca Gemma Kirsty Bethan Lauren Megan Joanne Tracey Fiona Shona Harriet Imogen Leanne".split(),
        s=["Thompson", "Whitaker", "Ashworth", "Pemberton", "Haworth", "Bradshaw", "Fletcher", "Holloway",
           "Marsden", "Cartwright", "Pritchard", "Llewellyn", "Fraser", "Macdonald", "Sutherland",
           "Smith-Jones", "Harper-Lowe", "Ashworth-Clarke", "Davies", "Evans", "Hughes", "Robinson",
           "Clarke", "Walsh", "Oakley", "Birch", "Kendrick", "Pryce", "Rowntree"]),
    "irish": dict(
        m=["Cillian", "Oisín", "Ciarán", "Padraig", "Seán", "Darragh", "Eoin", "Colm", "Tadhg"],
        f=["Siobhán", "Aoife", "Niamh", "Eimear", "Gráinne", "Orla", "Sinéad", "Caoimhe", "Saoirse"],
        s=["O'Neill", "O'Brien", "O'Sullivan", "McCarthy", "Ní Bhriain", "Mac Giolla", "Ó Súilleabháin",
           "Fitzgerald", "Keane", "Doherty", "Byrne", "Kavanagh", "D'Arcy", "MacLeod", "McLaughlin", "O'Callaghan"]),
    "wordname": dict(
        m=["Bill", "Will", "Mark", "Grant", "Frank", "Jack", "Ray", "Cliff", "Rich", "Chase", "Drew",
           "Guy", "Art", "Hunter", "Sterling", "Miles", "Dean"],
        f=["Hope", "Faith", "Grace", "Joy", "Rose", "Dawn", "Summer", "Penny", "Holly", "Ivy", "Iris",
           "Amber", "Crystal", "Sandy", "Pat", "Charity", "Precious"],
        s=["Young", "King", "Long", "Banks", "Cash", "Price", "Rich", "Bond", "Sterling", "Gold",
           "Little", "Strong", "Hall", "Wood", "Stone", "Fox", "Bell", "Lamb", "Sharp", "Swift",
           "Lane", "Cross", "Law", "Page", "Short", "Best", "Small", "Ward", "Frost", "Hart",
           "Friend", "Savage", "Hope", "Grant", "Power", "Chance", "Bills"]),
    "west_african": dict(
        m=["Adebayo", "Chinedu", "Oluwaseun", "Emeka", "Kwame", "Kofi", "Yaw", "Obinna", "Tunde",
           "Babajide", "Aminu", "Ibrahim", "Musa", "Kwabena", "Senyo", "Mamadou", "Ousmane", "Chukwuemeka"],
        f=["Ngozi", "Folake", "Chiamaka", "Akosua", "Ama", "Abena", "Efua", "Ifeoma", "Yetunde",
           "Zainab", "Hauwa", "Adaeze", "Funmilayo", "Aissatou", "Fatoumata", "Nneka"],
        s=["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Mensah", "Asante", "Owusu",
           "Boateng", "Osei", "Darko", "Abubakar", "Bello", "Danjuma", "Ogunleye", "Adeleke", "Chukwu",
           "Obi", "Agyeman", "Appiah", "Quaye", "Sesay", "Kamara", "Diallo", "Traoré", "Ndiaye",
           "Adeyemi-Cole", "Oyelaran"]),
    "east_african": dict(
        m=["Kamau", "Otieno", "Baraka", "Juma", "Tesfaye", "Abebe", "Mulugeta", "Kiprop", "Daudi",
           "Yonas", "Dawit", "Abdirahman", "Mwita"],
        f=["Wanjiru", "Njeri", "Achieng", "Wambui", "Amani", "Neema", "Meron", "Selam", "Hiwot",
           "Nafula", "Makena", "Halima", "Hodan"],
        s=["Mwangi", "Kariuki", "Odhiambo", "Ochieng", "Kiprotich", "Chebet", "Njoroge", "Wekesa",
           "Mutua", "Haile", "Tadesse", "Girma", "Bekele", "Abdi", "Warsame", "Mushi", "Massawe",
           "Nakato", "Mutesi", "Tesfamariam"]),
    "southern_african": dict(
        m=["Thabo", "Sipho", "Bongani", "Themba", "Lwazi", "Mandla", "Tshepo", "Kagiso", "Pieter"],
        f=["Nomvula", "Thandeka", "Lerato", "Palesa", "Zanele", "Naledi", "Ayanda", "Refilwe", "Anri"],
        s=["Nkosi", "Dlamini", "Mokoena", "Ndlovu", "Khumalo", "Mahlangu", "Zulu", "Mthembu", "Molefe",
           "van Wyk", "Botha", "Pretorius", "du Plessis", "Naidoo", "Pillay", "Venter", "Jansen van Rensburg"]),
    "arabic": dict(
        m=["Ahmed", "Omar", "Youssef", "Khalid", "Hassan", "Tariq", "Samir", "Bilal", "Karim",
           "Faisal", "Mahmoud", "Walid", "Ziad", "Rashid"],
        f=["Fatima", "Layla", "Mariam", "Noor", "Aisha", "Rania", "Huda", "Yasmin", "Salma", "Hind",
           "Dalia", "Lina", "Reem"],
        s=["al-Farsi", "Al Mansouri", "bin Rashid", "El-Amin", "Haddad", "Khoury", "Nasser", "Saleh",
           "Abdallah", "Al-Hashimi", "Bouazza", "Benali", "El Idrissi", "Hamdan", "Mansour", "Darwish",
           "Al-Qahtani", "Abu-Zeid", "Shalaby"]),
    "persian": dict(
        m=["Dariush", "Kourosh", "Navid", "Arash", "Babak", "Farhad", "Reza", "Kamran", "Siavash", "Omid"],
        f=["Shirin", "Parisa", "Leila", "Mitra", "Nasrin", "Golnaz", "Mahsa", "Behnaz", "Roya", "Ladan"],
        s=["Tehrani", "Hosseini", "Moradi", "Rezaei", "Karimi", "Jafari", "Ahmadi", "Sadeghi",
           "Farahani", "Esfahani", "Rostami", "Shirazi", "Ghorbani", "Mohammadi", "Kazemi", "Zand"]),
    "turkish": dict(
        m=["Emre", "Mehmet", "Burak", "Can", "Oğuz", "Gökhan", "Murat", "Cem", "Kerem", "Serkan", "Tolga", "Hakan"],
        f=["Elif", "Zeynep", "Ayşe", "Deniz", "Selin", "Esra", "Büşra", "Ebru", "Gizem", "Merve", "Özge"],
        s=["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan",
           "Kılıç", "Aslan", "Koç", "Kurt", "Erdem", "Güneş", "Karaca"]),
    "south_asian": dict(
        m=["Rahul", "Arjun", "Sanjay", "Vikram", "Ravi", "Imran", "Farhan", "Rohan", "Suresh",
           "Venkatesh", "Anil", "Nikhil", "Harpreet", "Gurpreet", "Aditya", "Kiran", "Tahir", "Asif", "Dinesh"],
        f=["Priya", "Ananya", "Deepika", "Lakshmi", "Sunita", "Ayesha", "Nusrat", "Tahmina", "Kavya",
           "Aditi", "Meenakshi", "Pooja", "Sneha", "Shreya", "Divya", "Farzana", "Nirmala", "Manpreet"],
        s=["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Kaur", "Chatterjee", "Banerjee",
           "Mukherjee", "Desai", "Joshi", "Rao", "Menon", "Pillai", "Krishnan", "Subramaniam",
           "Venkataraman", "Chowdhury", "Rahman", "Hossain", "Siddiqui", "Malik", "Chaudhry", "Perera",
           "Fernando", "Jayawardena", "Wickramasinghe", "Shrestha", "Gill", "Sandhu", "Dhillon",
           "D'Souza", "Qureshi"]),
    "chinese": dict(
        m=["Wei Ming", "Jun Jie", "Hao", "Zhiwei", "Haoran", "Kah Seng", "Boon Huat", "Chi Keung",
           "Wing Hong", "Jian", "Lei", "Qiang", "Yuxuan", "Kok Leong"],
        f=["Mei Ling", "Hui Min", "Li Ting", "Siew Lan", "Ka Yan", "Wing Sze", "Tsz Ching", "Jing",
           "Xin Yi", "Jiayi", "Zihan", "Fang", "Xiaoyu", "Shu Fen"],
        s=["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
           "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Tan", "Lim", "Ng", "Goh", "Teo", "Ong",
           "Chua", "Wong", "Leung", "Chan", "Cheung", "Lau", "Yip", "Tsang"]),
    "korean": dict(
        m=["Min-jun", "Ji-hoon", "Do-yoon", "Hyun-woo", "Jae-won", "Sung-min", "Dong-hyun", "Tae-yang"],
        f=["Seo-yeon", "Ha-eun", "Ji-woo", "Soo-ah", "Eun-ji", "Yeon-woo", "Min-seo", "Hye-jin"],
        s=["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin",
           "Seo", "Kwon", "Hwang", "Ahn", "Song", "Oh", "Baek"]),
    "japanese": dict(
        m=["Haruto", "Sota", "Ren", "Takumi", "Kenji", "Hiroshi", "Daisuke", "Shota", "Kaito", "Yusuke", "Takeshi"],
        f=["Yui", "Aoi", "Hina", "Sakura", "Yuki", "Akiko", "Naoko", "Misaki", "Emi", "Haruka", "Mei"],
        s=["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
           "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura",
           "Hayashi", "Shimizu", "Mori", "Fujita", "Ogawa"]),
    "vietnamese": dict(
        m=["Minh", "Bao", "Anh", "Hung", "Tuan", "Long", "Khoa", "Phuc", "Dung"],
        f=["Lan", "Hoa", "Thu", "Mai", "Huong", "Ngoc", "Linh", "Trang", "Thao"],
        s=["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly",
           "Nguyễn", "Trần", "Phạm"],
        mid_m=["Van", "Duc", "Quoc", "Minh", "Thanh", "Văn"], mid_f=["Thi", "Ngoc", "Thu", "Thanh", "Thị"]),
    "filipino": dict(
        m=["Jericho", "Jonel", "Rodel", "Jhun", "Rommel", "Arnel", "Mark Anthony", "John Paul", "Ramil", "Noel"],
        f=["Maricel", "Rowena", "Lovely", "Marites", "Cristina", "Ma. Theresa", "Joy", "Analyn", "Mylene",
           "Jocelyn", "Liezel", "Rhea"],
        s=["Dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva", "Mendoza", "Garcia", "Aquino",
           "Ramos", "Castillo", "Macaraeg", "Dimaculangan", "Manalo", "Pangilinan", "Soriano",
           "Tolentino", "Lacson", "Gatchalian", "delos Reyes", "de Guzman", "Dizon"]),
    "slavic": dict(
        m=["Piotr", "Tomasz", "Marek", "Dmitri", "Sergei", "Ivan", "Bohdan", "Mykola", "Jiří", "Milan",
           "Nikola", "Stanislav", "Wojciech", "Andrzej", "Oleksandr", "Dragan", "Goran"],
        f=["Aleksandra", "Katarzyna", "Agnieszka", "Olga", "Natalia", "Yulia", "Oksana", "Zuzana",
           "Tereza", "Dragana", "Jelena", "Małgorzata", "Iryna", "Svetlana", "Milena"],
        sm=["Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
            "Ivanov", "Smirnov", "Popov", "Kuznetsov", "Nowak", "Shevchenko", "Kovalenko", "Bondarenko",
            "Dvořák", "Horváth", "Petrović", "Jovanović", "Nikolić", "Kovačević", "Marković", "Babić",
            "Wróbel", "Brzęczyszczykiewicz"],
        sf=["Kowalska", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowska", "Zielińska", "Szymańska",
            "Ivanova", "Smirnova", "Popova", "Kuznetsova", "Nowak", "Shevchenko", "Tkachenko",
            "Nováková", "Dvořáková", "Petrović", "Jovanović", "Kovačević", "Grzegorczyk-Nowak"]),
    "hispanic": dict(
        m=["José", "Alejandro", "Juan Carlos", "Javier", "Diego", "Fernando", "Luis", "Santiago",
           "Rafael", "Iñaki", "Jesús", "Miguel Ángel", "Pablo", "Héctor"],
        f=["María", "Guadalupe", "Lucía", "Carmen", "Sofía", "Valentina", "Ximena", "Rocío", "Pilar",
           "Mercedes", "María José", "Itziar"],
        s=["García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez",
           "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Jiménez", "Ruiz",
           "Vargas", "Ortega", "de la Cruz", "de la Fuente", "del Río", "Iglesias", "Zapata",
           "Navarro", "Ochoa", "Echeverría", "Aguirre", "Ibáñez", "Muñoz"]),
    "portuguese": dict(
        m=["João", "Gabriel", "Thiago", "Rodrigo", "Luiz Henrique", "Bruno", "Tiago", "Gonçalo",
           "Duarte", "Paulo", "Vinícius", "Caio"],
        f=["Maria Eduarda", "Ana Beatriz", "Larissa", "Fernanda", "Camila", "Juliana", "Inês",
           "Beatriz", "Leonor", "Letícia", "Conceição", "Thaís"],
        s=["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira", "Almeida",
           "Carvalho", "Gomes", "Ribeiro", "Rodrigues", "Lima", "Araújo", "Barbosa", "Cardoso",
           "Nascimento", "Moreira", "Teixeira", "dos Santos", "da Silva", "de Souza", "Magalhães",
           "Gonçalves", "da Conceição", "Pereira da Silva"]),
    "nordic": dict(
        m=["Lars", "Sven", "Erik", "Mikael", "Magnus", "Anders", "Johan", "Bjørn", "Jukka", "Henrik",
           "Thorsten", "Gunnar", "Oskar", "Pekka", "Ragnar"],
        f=["Ingrid", "Astrid", "Sigrid", "Freja", "Linnea", "Karin", "Elin", "Signe", "Aino", "Maja",
           "Sølvi", "Kristín", "Guðrún", "Liv", "Sanna"],
        s=["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsen", "Hansen", "Johansen",
           "Pedersen", "Nielsen", "Jensen", "Lindqvist", "Bergström", "Holm", "Lund", "Virtanen",
           "Korhonen", "Mäkinen", "Haugen", "Dahl", "Sigurðsson", "Jónsdóttir", "Strand", "Berg",
           "Öberg", "Søndergaard", "Åkesson"]),
    "greek": dict(
        m=["Georgios", "Dimitrios", "Nikolaos", "Konstantinos", "Ioannis", "Panagiotis", "Christos",
           "Spyros", "Vasilis", "Thanasis"],
        f=["Eleni", "Katerina", "Maria", "Sofia", "Vasiliki", "Despina", "Athanasia", "Evangelia",
           "Christina", "Dimitra"],
        sm=["Papadopoulos", "Georgiou", "Nikolaidis", "Konstantinou", "Vlachos", "Karagiannis",
            "Oikonomou", "Dimitriou", "Pappas", "Antoniou", "Christodoulou", "Alexiou", "Stavropoulos",
            "Makris", "Angelopoulos"],
        sf=["Papadopoulou", "Georgiou", "Nikolaidou", "Konstantinou", "Vlachou", "Karagianni",
            "Oikonomou", "Dimitriou", "Antoniou", "Christodoulou", "Stavropoulou", "Makri", "Angelopoulou"]),
    "hebrew": dict(
        m=["Noam", "Avi", "Eitan", "Yosef", "Moshe", "Itai", "Ariel", "Oren", "Uri", "Yonatan", "Amir"],
        f=["Yael", "Tamar", "Shira", "Rivka", "Naama", "Michal", "Dafna", "Hadas", "Liora", "Noa", "Orly"],
        s=["Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Katz", "Shapiro", "Avraham",
           "Dahan", "Azoulay", "Ben-David", "Goldberg", "Rosenberg", "Ben-Ami", "Hadad", "Segal", "Weiss"]),
    "dutch_german": dict(
        m=["Jürgen", "Lukas", "Matthias", "Dieter", "Wouter", "Joost", "Pieter", "Maarten", "Stefan",
           "Jan-Hendrik", "Sjoerd", "Klaus"],
        f=["Anke", "Lea", "Katrin", "Sabine", "Femke", "Sanne", "Annelies", "Lieke", "Birgit", "Ute", "Marieke"],
        s=["van der Berg", "van den Broek", "de Vries", "van Dijk", "de Jong", "ter Horst", "van 't Hof",
           "Bakker", "Visser", "Janssen", "Mulder", "Müller", "Schneider", "Fischer", "Weber", "Wagner",
           "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Schröder", "Neumann", "von Arnim",
           "Geißler", "Krüger", "van Leeuwen", "Vermeulen"]),
    "french": dict(
        m=["Guillaume", "Théo", "Benoît", "Loïc", "Hervé", "Jean-Pierre", "Mathieu", "Yannick", "Olivier", "Rémi"],
        f=["Amélie", "Océane", "Mathilde", "Marie-Claire", "Élodie", "Céline", "Camille", "Sandrine",
           "Gaëlle", "Anaïs"],
        s=["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine", "Chevalier",
           "Mercier", "Lambert", "Bonnet", "Faure", "Leclerc", "Dupont", "Le Goff", "Le Gall",
           "N'Diaye", "Saint-Martin"]),
    "italian": dict(
        m=["Giuseppe", "Alessandro", "Lorenzo", "Matteo", "Marco", "Salvatore", "Davide", "Riccardo",
           "Gianluca", "Pierpaolo"],
        f=["Francesca", "Chiara", "Giulia", "Federica", "Valentina", "Rosaria", "Martina", "Alessia",
           "Serena", "Annalisa"],
        s=["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
           "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Lombardi", "Di Stefano",
           "Lo Russo", "D'Amico", "Dell'Orto", "La Rosa"]),
}

# Faker locales that give Latin-script names for a culture (used for part of the names).
FAKER_FOR = {
    "anglo": ["en_US", "en_GB", "en_AU", "en_NZ"],
    "irish": ["en_IE", "ga_IE"],
    "west_african": ["yo_NG", "tw_GH"],
    "east_african": ["sw"],
    "southern_african": ["zu_ZA"],
    "turkish": ["tr_TR"],
    "south_asian": ["en_IN"],
    "slavic": ["pl_PL", "cs_CZ", "hr_HR"],
    "hispanic": ["es_ES", "es_MX"],
    "portuguese": ["pt_BR", "pt_PT"],
    "nordic": ["sv_SE", "no_NO", "da_DK", "fi_FI"],
    "dutch_german": ["de_DE", "nl_NL"],
    "french": ["fr_FR"],
    "italian": ["it_IT"],
}
FAKER_LOCALES = sorted({l for v in FAKER_FOR.values() for l in v})

NATIONALITY = {
    "anglo": ["British", "American", "Canadian", "Australian", "New Zealander"],
    "wordname": ["British", "American", "Canadian", "Australian"],
    "irish": ["Irish"],
    "west_african": ["Nigerian", "Ghanaian", "Sierra Leonean", "Senegalese"],
    "east_african": ["Kenyan", "Ethiopian", "Somali", "Tanzanian", "Ugandan"],
    "southern_african": ["South African", "Zimbabwean", "Motswana"],
    "arabic": ["Egyptian", "Jordanian", "Emirati", "Moroccan", "Lebanese", "Saudi"],
    "persian": ["Iranian"],
    "turkish": ["Turkish"],
    "south_asian": ["Indian", "Pakistani", "Bangladeshi", "Sri Lankan", "Nepali"],
    "chinese": ["Chinese", "Singaporean", "Malaysian", "Taiwanese"],
    "korean": ["South Korean", "Korean"],
    "japanese": ["Japanese"],
    "vietnamese": ["Vietnamese"],
    "filipino": ["Filipino"],
    "slavic": ["Polish", "Ukrainian", "Czech", "Serbian", "Croatian", "Bulgarian"],
    "hispanic": ["Mexican", "Spanish", "Colombian", "Argentine", "Peruvian", "Chilean"],
    "portuguese": ["Brazilian", "Portuguese"],
    "nordic": ["Swedish", "Norwegian", "Danish", "Finnish", "Icelandic"],
    "greek": ["Greek", "Cypriot"],
    "hebrew": ["Israeli"],
    "dutch_german": ["Dutch", "German", "Austrian", "Belgian", "Swiss"],
    "french": ["French", "Belgian"],
    "italian": ["Italian"],
}
RELIGIONS = ["Muslim", "Jewish", "Catholic", "Hindu", "Sikh", "Orthodox Christian", "Buddhist",
             "Seventh-day Adventist", "Methodist", "Baptist"]


def ascii_fold(s):
    table = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d",
             "Đ": "D", "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th"}
    s = "".join(table.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


class Person:
    def __init__(self, given, surname, gender, culture, source, middle=None, eastern=False):
        self.given, self.surname, self.gender = given, surname, gender
        self.culture, self.source, self.middle, self.eastern = culture, source, middle, eastern

    def full(self):
        if self.eastern:
            return " ".join(x for x in (self.surname, self.middle, self.given) if x)
        return f"{self.given} {self.surname}"

    def render(self, form):
        g, s = self.given, self.surname
        if self.eastern and form in ("initial_last", "initials_last", "initial_nodot", "last_comma_initial",
                                     "full_middle"):
            form = "full"
        if form == "full":
            return self.full()
        if form == "full_middle":
            return f"{g} {self.middle} {s}" if self.middle else self.full()
        if form == "first":
            return g
        if form == "last":
            return s
        if form == "initial_last":
            return f"{g[0]}. {s}"
        if form == "initial_nodot":
            return f"{g[0]} {s}"
        if form == "initials_last":
            return f"{g[0]}. {self.middle[0]}. {s}" if self.middle else f"{g[0]}. {s}"
        if form == "last_comma_first":
            return f"{s}, {g}"
        if form == "last_comma_initial":
            return f"{s}, {g[0]}."
        if form == "caps_last_first":
            return f"{s.upper()}, {g.upper()}"
        if form == "caps_full":
            return self.full().upper()
        if form == "caps_last":
            return s.upper()
        if form == "lower_full":
            return self.full().lower()
        if form == "lower_first":
            return g.lower()
        if form == "lower_last":
            return s.lower()
        raise ValueError(form)

    def title(self, rng, formal=True):
        if rng.random() < 0.12:
            return rng.choice(["Dr", "Dr."])
        if self.gender == "m":
            return rng.choice(["Mr", "Mr."])
        return rng.choice(["Ms", "Ms.", "Mrs", "Mrs.", "Miss"] if formal else ["Ms", "Ms."])


# ---------------------------------------------------------------------------
# Identifier helpers (with check digits where the format has one).
# ---------------------------------------------------------------------------
def luhn_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
       [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
       [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
       [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def verhoeff_ok(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def iban_make(cc, bban):
    rearr = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in rearr)
    return f"{cc}{98 - int(num) % 97:02d}{bban}"


def iban_ok(iban):
    s = iban.replace(" ", "").upper()
    s = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1


def group(s, n=4, sep=" "):
    return sep.join(s[i:i + n] for i in range(0, len(s), n))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
             "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
             "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]


def two_digit_words(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])


def year_words(y):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " and " + ONES[y - 2000])
    hi, lo = divmod(y, 100)
    if lo == 0:
        return two_digit_words(hi) + " hundred"
    if lo < 10:
        return two_digit_words(hi) + " oh " + ONES[lo]
    return two_digit_words(hi) + " " + two_digit_words(lo)


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def spoken_digits(s, rng):
    """digit-by-digit speech as an ASR engine would write it (never labelled)."""
    out = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isdigit():
            if i + 1 < len(s) and s[i + 1] == ch and rng.random() < 0.4:
                out.append("double " + ONES[int(ch)])
                i += 2
                continue
            out.append("oh" if ch == "0" and rng.random() < 0.3 else ONES[int(ch)])
        elif ch.isalpha():
            out.append(ch.lower())
        i += 1
    return " ".join(out)


# ---------------------------------------------------------------------------
# Country profiles (residence): name cultures, date style, IDs, banks.
# ---------------------------------------------------------------------------
PROFILES = {
    "UK": dict(cultures="anglo anglo anglo wordname irish south_asian south_asian west_african east_african slavic arabic chinese greek italian turkish persian nordic hebrew french".split(),
               dates="dmy", country=["UK", "United Kingdom", "England", "Scotland", "Wales"], cur="£"),
    "US": dict(cultures="anglo anglo anglo wordname wordname hispanic hispanic hispanic korean chinese vietnamese filipino west_african east_african hebrew italian south_asian japanese persian".split(),
               dates="mdy", country=["USA", "United States", "US"], cur="$"),
    "CA": dict(cultures="anglo anglo french french south_asian chinese filipino persian korean italian slavic nordic east_african".split(),
               dates="iso_or_dmy", country=["Canada"], cur="CAD "),
    "AU": dict(cultures="anglo anglo wordname greek italian chinese vietnamese south_asian filipino korean japanese turkish".split(),
               dates="dmy", country=["Australia"], cur="A$"),
    "SG": dict(cultures="chinese chinese chinese south_asian filipino anglo japanese".split(),
               dates="dmy", country=["Singapore"], cur="S$"),
    "BR": dict(cultures=["portuguese"] * 5 + ["japanese", "italian", "arabic"],
               dates="dmy", country=["Brazil", "Brasil"], cur="R$ "),
    "MX": dict(cultures=["hispanic"] * 6 + ["arabic"], dates="dmy", country=["Mexico", "México"], cur="MXN "),
    "ES": dict(cultures=["hispanic"] * 5 + ["arabic", "slavic", "anglo"], dates="dmy", country=["Spain", "España"], cur="€"),
    "IT": dict(cultures=["italian"] * 5 + ["arabic", "slavic", "filipino"], dates="dmy", country=["Italy", "Italia"], cur="€"),
    "NL": dict(cultures=["dutch_german"] * 4 + ["turkish", "arabic", "south_asian"], dates="dmy_dash", country=["Netherlands", "the Netherlands", "NL"], cur="€"),
    "DE": dict(cultures=["dutch_german"] * 4 + ["turkish", "turkish", "slavic", "greek", "persian"], dates="dmy_dot", country=["Germany", "Deutschland"], cur="€"),
    "PL": dict(cultures=["slavic"] * 6 + ["east_african"], dates="dmy_dot", country=["Poland", "Polska"], cur="PLN "),
    "SE": dict(cultures=["nordic"] * 5 + ["persian", "arabic", "slavic", "east_african"], dates="iso", country=["Sweden", "Sverige"], cur="SEK "),
    "ZA": dict(cultures=["southern_african"] * 5 + ["anglo", "south_asian"], dates="iso_or_dmy", country=["South Africa", "RSA"], cur="R"),
    "IN": dict(cultures=["south_asian"] * 6, dates="dmy", country=["India"], cur="INR "),
    "CN": dict(cultures=["chinese"] * 4, dates="iso", country=["China", "PRC", "Hong Kong"], cur="CNY "),
    "KR": dict(cultures=["korean"] * 4, dates="iso", country=["South Korea", "Korea"], cur="KRW "),
    "IE": dict(cultures=["irish", "irish", "anglo", "slavic", "filipino", "south_asian", "west_african", "portuguese"],
               dates="dmy", country=["Ireland", "IE"], cur="€"),
}
PROFILE_WEIGHTS = {"UK": 16, "US": 16, "CA": 6, "AU": 6, "SG": 5, "BR": 4, "MX": 4, "ES": 4, "IT": 4,
                   "NL": 4, "DE": 4, "PL": 4, "SE": 3, "ZA": 4, "IN": 5, "CN": 3, "KR": 3, "IE": 4}

BANKS = {
    "UK": ["Barclays", "HSBC UK", "Lloyds Bank", "NatWest", "Santander UK", "Nationwide Building Society",
           "Monzo", "Starling Bank", "Metro Bank", "Harrowfield Building Society", "TSB", "Virgin Money"],
    "US": ["Chase", "Wells Fargo", "Bank of America", "Citibank", "U.S. Bank", "PNC Bank", "Truist",
           "Capital One", "Ally Bank", "First Keystone Federal Credit Union", "Navy Federal Credit Union",
           "Great Lakes Savings Bank"],
    "CA": ["RBC Royal Bank", "TD Canada Trust", "Scotiabank", "BMO", "Desjardins", "Tangerine"],
    "AU": ["Commonwealth Bank", "Westpac", "ANZ", "NAB", "Bendigo Bank", "ING Australia"],
    "SG": ["DBS Bank", "OCBC", "UOB", "POSB"],
    "BR": ["Banco Itaú", "Bradesco", "Nubank", "Banco do Brasil", "Caixa Econômica Federal"],
    "MX": ["BBVA México", "Banorte", "Banamex", "Banco Azteca"],
    "ES": ["CaixaBank", "Banco Sabadell", "BBVA", "Bankinter", "Unicaja"],
    "IT": ["Intesa Sanpaolo", "UniCredit", "Banca Mediolanum", "Fineco", "BPER Banca"],
    "NL": ["ING", "Rabobank", "ABN AMRO", "bunq", "Triodos Bank"],
    "DE": ["Deutsche Bank", "Commerzbank", "Sparkasse KölnBonn", "DKB", "N26", "Volksbank Mittelhessen"],
    "PL": ["PKO Bank Polski", "mBank", "Bank Pekao", "Santander Bank Polska"],
    "SE": ["Nordea", "Swedbank", "SEB", "Handelsbanken"],
    "ZA": ["Standard Bank", "Capitec", "FNB", "Absa", "Nedbank"],
    "IN": ["HDFC Bank", "ICICI Bank", "State Bank of India", "Axis Bank", "Kotak Mahindra Bank"],
    "CN": ["Bank of China (Hong Kong)", "Hang Seng Bank", "ICBC", "China Merchants Bank"],
    "KR": ["KB Kookmin Bank", "Shinhan Bank", "Woori Bank", "Hana Bank"],
    "IE": ["AIB", "Bank of Ireland", "PTSB"],
}
BICS = ["NWBKGB2L", "BARCGB22", "LOYDGB2L", "DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "HSBCHKHH",
        "DBSSSGSG", "ICICINBB", "ITAUBRSP", "INGBNL2A", "BSCHESMM", "UNCRITMM", "PKOPPLPW", "NDEASESS",
        "SBZAZAJJ", "CHASUS33", "ROYCCAT2", "CTBAAU2S", "AIBKIE2D", "BOFAUS3N", "RABONL2U"]
INSURERS = ["Aviva", "Allianz", "AXA", "Zurich Insurance", "Direct Line", "Admiral", "Legal & General",
            "Prudential", "MetLife", "State Farm", "Liberty Mutual", "Progressive", "GEICO", "Manulife",
            "Sun Life", "Intact Insurance", "NRMA Insurance", "Suncorp", "AIA", "Great Eastern", "Generali",
            "Mapfre", "Porto Seguro", "SulAmérica", "PZU", "Folksam", "Discovery Insure", "Old Mutual",
            "Samsung Fire & Marine", "Crestline Assurance", "Halden Mutual", "Northbridge Life & Pensions",
            "Bluewater General Insurance", "Ashgrove Life"]
EMPLOYERS = ["Kestrel Logistics Ltd", "Brightwater Analytics", "Orion Foods plc", "Tamarind Health Services",
             "Meridian Civil Engineering", "Pinecrest Software Inc.", "Sable & Finch LLP",
             "Quayside Hospitality Group", "Northern Lights Dental", "Greyhawk Security Solutions",
             "Vantage Retail Partners", "Copperleaf Energy", "Lumen Tutoring Pty Ltd", "Halcyon Media GmbH",
             "Ferrovia Costruzioni S.r.l.", "Atlântico Transportes Ltda.", "Grupo Serrano S.A. de C.V.",
             "Zielona Dolina Sp. z o.o.", "Fjordline Consulting AB", "Umoja Freight (Pty) Ltd",
             "Bramblewood Care Homes", "Tessellate Architects", "Redwing Aviation Services",
             "Saffron Lane Bakeries", "Polaris Data Centres", "Marlowe & Quint Solicitors"]
BROKERS = ["Carrow & Weiss Securities", "Eastgate Capital Markets", "Redfern Partners", "Tidewater Brokerage",
           "Ashcombe Wealth", "Hollis Mortgage Services", "Lantern Home Finance", "Keystone Mortgage Brokers"]
MERCHANTS = ["Amazon", "Ryanair", "Booking.com", "Currys", "Best Buy", "Uber", "Zalando", "Apple",
             "Airbnb", "Ticketmaster", "Deliveroo", "Shein", "Etsy", "easyJet", "Walmart", "IKEA"]
TAX_AUTH = {"UK": "HMRC", "US": "IRS", "AU": "ATO", "CA": "CRA", "BR": "Receita Federal", "MX": "SAT",
            "ES": "Agencia Tributaria", "IT": "Agenzia delle Entrate", "NL": "Belastingdienst",
            "SE": "Skatteverket", "ZA": "SARS", "SG": "IRAS", "IN": "Income Tax Department",
            "DE": "Finanzamt Köln-Mitte", "PL": "Urząd Skarbowy", "IE": "Revenue", "KR": "National Tax Service",
            "CN": "State Taxation Administration"}
PERSONAL_DOMAINS = {
    "UK": ["gmail.com", "yahoo.co.uk", "outlook.com", "btinternet.com", "hotmail.co.uk", "icloud.com"],
    "US": ["gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "comcast.net"],
    "CA": ["gmail.com", "shaw.ca", "hotmail.ca", "rogers.com"],
    "AU": ["gmail.com", "bigpond.com", "outlook.com.au", "optusnet.com.au"],
    "SG": ["gmail.com", "singnet.com.sg", "yahoo.com.sg"],
    "BR": ["gmail.com", "uol.com.br", "yahoo.com.br", "bol.com.br"],
    "MX": ["gmail.com", "hotmail.com", "prodigy.net.mx"],
    "ES": ["gmail.com", "hotmail.es", "telefonica.net"],
    "IT": ["gmail.com", "libero.it", "virgilio.it"],
    "NL": ["gmail.com", "ziggo.nl", "kpnmail.nl"],
    "DE": ["gmail.com", "gmx.de", "web.de", "t-online.de"],
    "PL": ["gmail.com", "wp.pl", "o2.pl", "onet.pl"],
    "SE": ["gmail.com", "telia.com", "hotmail.se"],
    "ZA": ["gmail.com", "webmail.co.za", "mweb.co.za"],
    "IN": ["gmail.com", "rediffmail.com", "yahoo.co.in"],
    "CN": ["qq.com", "163.com", "gmail.com"],
    "KR": ["naver.com", "daum.net", "gmail.com"],
    "IE": ["gmail.com", "eircom.net", "hotmail.com"],
}
TLD = {"UK": "co.uk", "US": "com", "CA": "ca", "AU": "com.au", "SG": "com.sg", "BR": "com.br",
       "MX": "com.mx", "ES": "es", "IT": "it", "NL": "nl", "DE": "de", "PL": "pl", "SE": "se",
       "ZA": "co.za", "IN": "co.in", "CN": "com.hk", "KR": "co.kr", "IE": "ie"}

# Address material: (city, state/region, postcode-maker key)
UK_TOWNS = [("Leeds", "LS"), ("Manchester", "M"), ("Bristol", "BS"), ("Newcastle upon Tyne", "NE"),
            ("Cardiff", "CF"), ("Glasgow", "G"), ("Leicester", "LE"), ("Norwich", "NR"), ("Reading", "RG"),
            ("Sheffield", "S"), ("Brighton", "BN"), ("London", "SW"), ("London", "E"), ("Birmingham", "B"),
            ("Nottingham", "NG"), ("Edinburgh", "EH"), ("Milton Keynes", "MK"), ("Bradford", "BD"),
            ("Exeter", "EX"), ("Belfast", "BT"), ("Swansea", "SA"), ("Stockport", "SK")]
UK_STREETS = ["Kingsway", "High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane",
              "Park Avenue", "Queen's Road", "Manor Way", "Albert Street", "Beechwood Drive", "Chapel Walk",
              "Greenhill Crescent", "Whitefriars Close", "St Andrew's Terrace", "Moorland View", "Orchard Rise"]
US_CITIES = [("Columbus", "OH", "432"), ("Austin", "TX", "787"), ("Sacramento", "CA", "958"),
             ("Brooklyn", "NY", "112"), ("Tampa", "FL", "336"), ("Aurora", "IL", "605"),
             ("Pittsburgh", "PA", "152"), ("Tacoma", "WA", "984"), ("Newark", "NJ", "071"),
             ("Grand Rapids", "MI", "495"), ("Raleigh", "NC", "276"), ("Phoenix", "AZ", "850"),
             ("Denver", "CO", "802"), ("Atlanta", "GA", "303"), ("Boise", "ID", "837"),
             ("Portland", "OR", "972"), ("Albuquerque", "NM", "871"), ("Omaha", "NE", "681"),
             ("Louisville", "KY", "402"), ("Richmond", "VA", "232"), ("San Jose", "CA", "951"),
             ("Houston", "TX", "770")]
US_STATE_NAMES = {"OH": "Ohio", "TX": "Texas", "CA": "California", "NY": "New York", "FL": "Florida",
                  "IL": "Illinois", "PA": "Pennsylvania", "WA": "Washington", "NJ": "New Jersey",
                  "MI": "Michigan", "NC": "North Carolina", "AZ": "Arizona", "CO": "Colorado",
                  "GA": "Georgia", "ID": "Idaho", "OR": "Oregon", "NM": "New Mexico", "NE": "Nebraska",
                  "KY": "Kentucky", "VA": "Virginia"}
US_STREETS = ["Maple Ridge Dr", "Oak St", "W 34th St", "Elm Avenue", "Cedar Ln", "Sunset Blvd",
              "N Main St", "Willow Creek Rd", "Lakeview Ct", "Magnolia Way", "E Jefferson Ave",
              "Pine Hollow Rd", "Riverside Dr", "Harbor Pointe Cir"]
CA_CITIES = [("Toronto", "ON", "M5V"), ("Mississauga", "ON", "L5B"), ("Ottawa", "ON", "K1P"),
             ("Calgary", "AB", "T2P"), ("Edmonton", "AB", "T5J"), ("Vancouver", "BC", "V6B"),
             ("Surrey", "BC", "V3T"), ("Montréal", "QC", "H2X"), ("Halifax", "NS", "B3H"),
             ("Winnipeg", "MB", "R3C")]
CA_STREETS = ["Rue Saint-Denis", "Yonge St", "Bloor St W", "Jasper Ave", "Robson St", "Portage Ave",
              "Spring Garden Rd", "Queen St E", "17 Ave SW", "Boulevard René-Lévesque O"]
AU_CITIES = [("Sydney", "NSW", "2000"), ("Parramatta", "NSW", "2150"), ("Wollongong", "NSW", "2500"),
             ("Melbourne", "VIC", "3000"), ("Geelong", "VIC", "3220"), ("Brisbane", "QLD", "4000"),
             ("Cairns", "QLD", "4870"), ("Perth", "WA", "6000"), ("Adelaide", "SA", "5000"),
             ("Hobart", "TAS", "7000"), ("Canberra", "ACT", "2600")]
AU_STREETS = ["Harbour St", "George St", "Chapel St", "Beaufort Rd", "Ocean Pde", "Wattle Cres",
              "Banksia Ave", "Murray St", "Flinders Ln", "Kingfisher Way"]
IN_CITIES = [("Bengaluru", "Karnataka", "5600"), ("Pune", "Maharashtra", "4110"), ("Mumbai", "Maharashtra", "4000"),
             ("Chennai", "Tamil Nadu", "6000"), ("Hyderabad", "Telangana", "5000"), ("New Delhi", "Delhi", "1100"),
             ("Kolkata", "West Bengal", "7000"), ("Kochi", "Kerala", "6820"), ("Ahmedabad", "Gujarat", "3800"),
             ("Jaipur", "Rajasthan", "3020")]
IN_LOCAL = ["Indiranagar", "Koregaon Park", "Andheri West", "Adyar", "Banjara Hills", "Lajpat Nagar",
            "Salt Lake", "Kakkanad", "Navrangpura", "Malviya Nagar"]
DE_CITIES = [("Berlin", "10"), ("Hamburg", "20"), ("München", "80"), ("Köln", "50"), ("Frankfurt am Main", "60"),
             ("Stuttgart", "70"), ("Leipzig", "04"), ("Düsseldorf", "40")]
DE_STREETS = ["Schillerstraße", "Hauptstraße", "Goethestraße", "Bahnhofstraße", "Lindenallee", "Am Markt",
              "Gartenweg", "Friedrichstraße", "Kastanienweg"]
NL_CITIES = [("Amsterdam", "10"), ("Rotterdam", "30"), ("Utrecht", "35"), ("Den Haag", "25"),
             ("Eindhoven", "56"), ("Groningen", "97"), ("Haarlem", "20")]
NL_STREETS = ["Prinsengracht", "Kerkstraat", "Dorpsstraat", "Laan van Meerdervoort", "Oudegracht",
              "Stationsweg", "Vondelstraat"]
ES_CITIES = [("Madrid", "280"), ("Barcelona", "080"), ("Valencia", "460"), ("Sevilla", "410"),
             ("Bilbao", "480"), ("Málaga", "290"), ("Zaragoza", "500")]
ES_STREETS = ["Calle de Alcalá", "Calle Mayor", "Avenida de la Constitución", "Carrer de Balmes",
              "Gran Vía", "Paseo de la Castellana", "Calle del Arenal"]
IT_CITIES = [("Milano", "201", "MI"), ("Roma", "001", "RM"), ("Napoli", "801", "NA"), ("Torino", "101", "TO"),
             ("Bologna", "401", "BO"), ("Firenze", "501", "FI"), ("Palermo", "901", "PA")]
IT_STREETS = ["Via Garibaldi", "Via Roma", "Corso Vittorio Emanuele II", "Viale Monza", "Via dei Mille",
              "Piazza Cavour", "Via San Francesco"]
BR_CITIES = [("São Paulo", "SP", "0"), ("Rio de Janeiro", "RJ", "2"), ("Belo Horizonte", "MG", "3"),
             ("Curitiba", "PR", "8"), ("Porto Alegre", "RS", "9"), ("Recife", "PE", "5"), ("Salvador", "BA", "4")]
BR_STREETS = ["Rua Augusta", "Avenida Paulista", "Rua das Flores", "Rua XV de Novembro", "Avenida Atlântica",
              "Rua da Consolação", "Rua Voluntários da Pátria"]
BR_BAIRROS = ["Consolação", "Botafogo", "Savassi", "Batel", "Moinhos de Vento", "Boa Viagem", "Barra"]
MX_CITIES = [("Ciudad de México", "CDMX", "0"), ("Guadalajara", "Jal.", "44"), ("Monterrey", "N.L.", "64"),
             ("Puebla", "Pue.", "72"), ("Mérida", "Yuc.", "97")]
MX_STREETS = ["Av. Insurgentes Sur", "Calle Morelos", "Paseo de la Reforma", "Calle 5 de Mayo", "Av. Juárez",
              "Calle Hidalgo"]
MX_COLONIAS = ["Col. Roma Norte", "Col. Del Valle", "Col. Centro", "Col. Americana", "Col. Obispado"]
PL_CITIES = [("Warszawa", "0"), ("Kraków", "3"), ("Wrocław", "5"), ("Gdańsk", "8"), ("Poznań", "6"), ("Łódź", "9")]
PL_STREETS = ["ul. Marszałkowska", "ul. Długa", "ul. Piotrkowska", "al. Jana Pawła II", "ul. Floriańska",
              "ul. Mickiewicza", "ul. Słowackiego"]
SE_CITIES = [("Stockholm", "1"), ("Göteborg", "4"), ("Malmö", "2"), ("Uppsala", "75"), ("Västerås", "72")]
SE_STREETS = ["Drottninggatan", "Storgatan", "Kungsgatan", "Vasagatan", "Södra Förstadsgatan", "Björkvägen"]
ZA_CITIES = [("Johannesburg", "Gauteng", "2196", "Rosebank"), ("Cape Town", "Western Cape", "8005", "Sea Point"),
             ("Durban", "KwaZulu-Natal", "4001", "Morningside"), ("Pretoria", "Gauteng", "0083", "Hatfield"),
             ("Gqeberha", "Eastern Cape", "6001", "Summerstrand")]
ZA_STREETS = ["Jan Smuts Ave", "Long Street", "Florida Road", "Oxford Road", "Church Street", "Beach Road"]
SG_STREETS = ["Bedok North Ave 3", "Tampines St 81", "Ang Mo Kio Ave 10", "Jurong West St 52",
              "Toa Payoh Lor 1", "Punggol Field", "Clementi Ave 2"]
KR_STREETS = ["Teheran-ro", "Gangnam-daero", "Sejong-daero", "Olympic-ro", "Haeundae-ro"]
KR_GU = [("Gangnam-gu", "Seoul"), ("Mapo-gu", "Seoul"), ("Songpa-gu", "Seoul"), ("Haeundae-gu", "Busan"),
         ("Yeonsu-gu", "Incheon")]
HK_ESTATES = ["Laguna City", "Taikoo Shing", "Mei Foo Sun Chuen", "Whampoa Garden", "City One Shatin"]
HK_STREETS = [("Cha Kwo Ling Road", "Kwun Tong, Kowloon"), ("Tai Koo Shing Road", "Quarry Bay"),
              ("Broadway", "Mei Foo, Kowloon"), ("Tak On Street", "Hung Hom, Kowloon"),
              ("Ngan Shing Street", "Sha Tin, New Territories")]
IE_PLACES = [("Dublin 2", "D02"), ("Dublin 8", "D08"), ("Cork", "T12"), ("Galway", "H91"), ("Limerick", "V94"),
             ("Dublin 15", "D15")]
IE_STREETS = ["Merrion Square", "Harold's Cross Road", "Main Street", "Grand Parade", "Shop Street",
              "O'Connell Avenue", "Clonsilla Road"]

UK_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
UK_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
CF_ODD = {"0": 1, "1": 0, "2": 5, "3": 7, "4": 9, "5": 13, "6": 15, "7": 17, "8": 19, "9": 21,
          "A": 1, "B": 0, "C": 5, "D": 7, "E": 9, "F": 13, "G": 15, "H": 17, "I": 19, "J": 21,
          "K": 2, "L": 4, "M": 18, "N": 20, "O": 11, "P": 3, "Q": 6, "R": 8, "S": 12, "T": 14,
          "U": 16, "V": 10, "W": 22, "X": 25, "Y": 24, "Z": 23}
CF_MONTH = "ABCDEHLMPRST"
CF_PLACES = ["H501", "F205", "F839", "L219", "G273", "A944", "D612", "L736", "C351"]
CN_REGIONS = ["110101", "310104", "440305", "510104", "330106", "320102", "420106", "610113"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.fk = {}
        for i, loc in enumerate(FAKER_LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + i)
            self.fk[loc] = f
        self.name_sources = Counter()
        self.doc_style = {}

    # -- basic randomness -------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    def ri(self, a, b):
        return self.r.randint(a, b)

    def digits(self, n, first_nonzero=False):
        s = "".join(str(self.r.randint(0, 9)) for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = str(self.r.randint(1, 9)) + s[1:]
        return s

    def letters(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def alnum(self, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def profile(self, code=None):
        if code is None:
            codes = list(PROFILE_WEIGHTS)
            code = self.r.choices(codes, weights=[PROFILE_WEIGHTS[c] for c in codes])[0]
        return code

    # -- people -------------------------------------------------------------
    def person(self, pc=None, culture=None, gender=None, own=None):
        if culture is None:
            culture = self.pick(PROFILES[pc or "UK"]["cultures"])
        gender = gender or self.pick("mf")
        if own is None:
            own = culture not in FAKER_FOR or self.chance(0.55)
        if not own:
            f = self.fk[self.pick(FAKER_FOR[culture])]
            given = f.first_name_male() if gender == "m" else f.first_name_female()
            surname = f.last_name()
            middle = None
            if self.chance(0.25):
                middle = f.first_name_male() if gender == "m" else f.first_name_female()
                if middle == given:
                    middle = None
            if culture == "hispanic" and self.chance(0.4):
                surname = f"{surname} {f.last_name()}"
            self.name_sources["faker"] += 1
            return Person(given, surname, gender, culture, "faker", middle)
        L = OWN[culture]
        given = self.pick(L[gender])
        if "s" in L:
            surname = self.pick(L["s"])
        else:
            surname = self.pick(L["sm" if gender == "m" else "sf"])
        middle, eastern = None, False
        if culture == "anglo" and self.chance(0.15):
            surname = self.pick(OWN["wordname"]["s"])
        if culture == "hispanic" and self.chance(0.4):
            second = self.pick(L["s"])
            if second != surname:
                surname = f"{surname} {second}"
        if culture == "portuguese" and self.chance(0.3) and " " not in surname:
            surname = f"{self.pick(L['s'])} {surname}" if self.chance(0.5) else surname
        if culture == "vietnamese":
            middle = self.pick(L["mid_" + gender])
            eastern = True
        elif culture == "chinese":
            eastern = True
        elif culture == "korean":
            eastern = self.chance(0.5)
        elif culture == "japanese":
            eastern = self.chance(0.15)
        else:
            if self.chance(0.4 if culture in ("anglo", "irish", "wordname", "dutch_german", "nordic") else 0.2):
                pool = OWN[culture][gender]
                middle = self.pick(pool)
                if middle == given or " " in given:
                    middle = None
        self.name_sources["own"] += 1
        return Person(given, surname, gender, culture, "own", middle, eastern)

    def mention(self, staff=False):
        """A name form for a person mentioned in running text."""
        forms = ["full", "first", "last", "initial_last", "initials_last", "last_comma_initial", "full_middle",
                 "initial_nodot"]
        w = [30, 12, 6, 14, 8, 4, 8, 3] if staff else [40, 16, 8, 8, 8, 3, 10, 2]
        return self.r.choices(forms, weights=w)[0]

    def nationality(self, person):
        return self.pick(NATIONALITY.get(person.culture, ["British"]))

    # -- dates ----------------------------------------------------------------
    def day(self, y1, y2):
        start = date(y1, 1, 1)
        end = date(y2, 12, 31)
        return start + timedelta(days=self.r.randint(0, (end - start).days))

    def recent(self):
        return self.day(2022, 2025)

    def dob(self, a=20, b=75):
        return self.day(2025 - b, 2025 - a)

    def fdate(self, d, pc="UK", style=None):
        """Format a date; style None = typical for the profile (mostly one style per document)."""
        if style is None and self.doc_style.get(pc) and self.chance(0.75):
            style = self.doc_style[pc]
        if style is None:
            ds = PROFILES[pc]["dates"]
            if ds == "mdy":
                style = self.pick(["mdy", "mdy", "mdy0", "month_d_y", "mon_d_y", "iso"])
            elif ds == "dmy_dot":
                style = self.pick(["dmy_dot", "dmy_dot", "d_month_y", "iso"])
            elif ds == "dmy_dash":
                style = self.pick(["dmy_dash", "dmy_dash", "d_month_y", "iso"])
            elif ds == "iso":
                style = self.pick(["iso", "iso", "d_month_y", "ymd_slash"])
            elif ds == "iso_or_dmy":
                style = self.pick(["iso", "dmy0", "d_month_y", "d_mon_y"])
            else:
                style = self.pick(["dmy0", "dmy0", "dmy", "d_month_y", "d_mon_y", "ord_month_y",
                                   "iso", "d_mon_y_dash"])
            self.doc_style.setdefault(pc, style)
        D, M, Y = d.day, d.month, d.year
        mn, ms = MONTHS[M - 1], MONTHS[M - 1][:3]
        wd = WEEKDAYS[d.weekday()]
        return {
            "mdy": f"{M}/{D}/{Y}", "mdy0": f"{M:02d}/{D:02d}/{Y}", "dmy": f"{D}/{M}/{Y}",
            "dmy0": f"{D:02d}/{M:02d}/{Y}", "iso": f"{Y}-{M:02d}-{D:02d}", "dmy_dot": f"{D:02d}.{M:02d}.{Y}",
            "dmy_dash": f"{D:02d}-{M:02d}-{Y}", "ymd_slash": f"{Y}/{M:02d}/{D:02d}",
            "d_month_y": f"{D} {mn} {Y}", "d_mon_y": f"{D} {ms} {Y}", "ord_month_y": f"{ordinal(D)} {mn} {Y}",
            "ord_of_month_y": f"{ordinal(D)} of {mn} {Y}", "month_d_y": f"{mn} {D}, {Y}",
            "mon_d_y": f"{ms} {D}, {Y}", "wd_d_month_y": f"{wd} {D} {mn} {Y}",
            "wd_ord_month": f"{wd}, {ordinal(D)} {mn}", "wd_month_d": f"{wd}, {mn} {D}",
            "d_mon_y_dash": f"{D:02d}-{ms}-{Y}", "D_MON_Y": f"{D:02d}-{ms.upper()}-{Y}",
            "ddmonyy": f"{D:02d}{ms.upper()}{Y % 100:02d}", "compact": f"{Y}{M:02d}{D:02d}",
            "month_d": f"{mn} {D}", "mon_d": f"{ms} {D}", "d_month": f"{D} {mn}", "ord_of_month": f"{ordinal(D)} of {mn}",
            "d_mon": f"{D} {ms}", "month_ord": f"{mn} {ordinal(D)}", "dmy2": f"{D:02d}/{M:02d}/{Y % 100:02d}",
            "mdy2": f"{M}/{D}/{Y % 100:02d}",
        }[style]

    def spoken_date(self, d):
        """ASR-style date in words, e.g. 'fourth of march nineteen seventy nine'."""
        mn = MONTHS[d.month - 1].lower()
        if self.chance(0.5):
            return f"{ORD_WORDS[d.day - 1]} of {mn} {year_words(d.year)}"
        return f"{mn} {ORD_WORDS[d.day - 1]} {year_words(d.year)}"

    # -- contact details --------------------------------------------------------
    def phone(self, pc):
        r, ch = self.r, self.pick
        if pc == "UK":
            f = ri = r.randint
            return ch([
                lambda: f"07{self.digits(3)} {self.digits(6)}",
                lambda: f"+44 7{self.digits(3)} {self.digits(6)}",
                lambda: f"+44 (0)7700 900{self.digits(3)}",
                lambda: f"020 7946 0{self.digits(3)}",
                lambda: f"0113 496 0{self.digits(3)}",
                lambda: f"0161 {ri(200, 999)} {self.digits(4)}",
                lambda: f"+44 20 {ri(3000, 8999)} {self.digits(4)}",
            ])()
        if pc == "US":
            a = ch(["212", "415", "312", "617", "713", "206", "404", "303", "614", "919", "602", "503", "505"])
            ex = str(r.randint(201, 989))
            n = self.digits(4)
            return ch([f"({a}) {ex}-{n}", f"{a}-{ex}-{n}", f"+1 {a} {ex} {n}", f"{a}.{ex}.{n}",
                       f"+1 ({a}) 555-01{self.digits(2)}", f"1-{a}-{ex}-{n}"])
        if pc == "CA":
            a = ch(["416", "647", "613", "403", "780", "604", "514", "902", "204"])
            return ch([f"({a}) {r.randint(201, 989)}-{self.digits(4)}", f"+1 {a}-{r.randint(201, 989)}-{self.digits(4)}"])
        if pc == "AU":
            return ch([f"04{self.digits(2)} {self.digits(3)} {self.digits(3)}", f"+61 4{self.digits(2)} {self.digits(3)} {self.digits(3)}",
                       f"(02) {r.randint(8000, 9999)} {self.digits(4)}", f"+61 3 {r.randint(9000, 9999)} {self.digits(4)}"])
        if pc == "SG":
            return ch([f"+65 {ch('89')}{self.digits(3)} {self.digits(4)}", f"{ch('689')}{self.digits(3)} {self.digits(4)}"])
        if pc == "BR":
            dd = ch(["11", "21", "31", "41", "51", "81", "71"])
            return ch([f"+55 {dd} 9{self.digits(4)}-{self.digits(4)}", f"({dd}) 9{self.digits(4)}-{self.digits(4)}"])
        if pc == "MX":
            return ch([f"+52 55 {self.digits(4)} {self.digits(4)}", f"+52 1 33 {self.digits(4)} {self.digits(4)}",
                       f"55 {self.digits(4)} {self.digits(4)}"])
        if pc == "ES":
            return ch([f"+34 6{self.digits(2)} {self.digits(2)} {self.digits(2)} {self.digits(2)}",
                       f"6{self.digits(2)} {self.digits(3)} {self.digits(3)}", f"+34 91 {self.digits(3)} {self.digits(2)} {self.digits(2)}"])
        if pc == "IT":
            return ch([f"+39 3{self.digits(2)} {self.digits(3)} {self.digits(4)}", f"3{self.digits(2)} {self.digits(7)}",
                       f"+39 02 {self.digits(4)} {self.digits(4)}"])
        if pc == "NL":
            return ch([f"+31 6 {self.digits(8)}", f"06-{self.digits(8)}", f"+31 (0)20 {self.digits(3)} {self.digits(4)}"])
        if pc == "DE":
            return ch([f"+49 30 {self.digits(7)}", f"+49 151 {self.digits(8)}", f"0221 {self.digits(6)}",
                       f"+49 (0)69 {self.digits(3)} {self.digits(4)}"])
        if pc == "PL":
            return ch([f"+48 {ch('5678')}{self.digits(2)} {self.digits(3)} {self.digits(3)}",
                       f"{ch('5678')}{self.digits(2)}-{self.digits(3)}-{self.digits(3)}"])
        if pc == "SE":
            return ch([f"+46 70 {self.digits(3)} {self.digits(2)} {self.digits(2)}", f"070-{self.digits(3)} {self.digits(2)} {self.digits(2)}",
                       f"08-{self.digits(3)} {self.digits(3)} {self.digits(2)}"])
        if pc == "ZA":
            return ch([f"+27 82 {self.digits(3)} {self.digits(4)}", f"083 {self.digits(3)} {self.digits(4)}",
                       f"(011) {self.digits(3)}-{self.digits(4)}"])
        if pc == "IN":
            return ch([f"+91 9{self.digits(4)} {self.digits(5)}", f"9{self.digits(9)}", f"+91-80-{self.digits(8)}",
                       f"098{self.digits(3)} {self.digits(5)}"])
        if pc == "CN":
            return ch([f"+86 138 {self.digits(4)} {self.digits(4)}", f"+852 {ch('569')}{self.digits(3)} {self.digits(4)}",
                       f"139{self.digits(8)}"])
        if pc == "KR":
            return ch([f"+82 10-{self.digits(4)}-{self.digits(4)}", f"010-{self.digits(4)}-{self.digits(4)}",
                       f"02-{self.digits(3)}-{self.digits(4)}"])
        if pc == "IE":
            return ch([f"+353 8{ch('35679')} {self.digits(3)} {self.digits(4)}", f"08{ch('5679')} {self.digits(3)} {self.digits(4)}",
                       f"(01) {self.digits(3)} {self.digits(4)}"])
        raise ValueError(pc)

    def email(self, p, pc="UK", domain=None):
        g = ascii_fold(p.given).lower().replace(" ", "").replace("'", "").replace(".", "")
        s = ascii_fold(p.surname).lower().replace(" ", "").replace("'", "")
        s = s.split("-")[0] if self.chance(0.5) else s
        g = g.replace("-", "")
        if domain is None:
            domain = self.pick(PERSONAL_DOMAINS[pc])
            local = self.pick([f"{g}.{s}", f"{g}{s}{self.ri(1, 99)}", f"{g[0]}{s}", f"{s}.{g}", f"{g}_{s}",
                               f"{g}.{s}{self.ri(70, 99)}", f"{g}{s[0]}", f"{s}{g[0]}{self.ri(1, 9)}"])
        else:
            local = self.pick([f"{g}.{s}", f"{g[0]}.{s}", f"{g[0]}{s}", f"{g}"])
        return f"{local}@{domain}"

    def org_domain(self, org, pc="UK"):
        base = ascii_fold(org).lower()
        for junk in [" ltd", " plc", " inc.", " llp", " pty", " gmbh", " s.r.l.", " ltda.", " s.a. de c.v.",
                     " sp. z o.o.", " ab", " (pty)", "&", ",", "(", ")", "'", "."]:
            base = base.replace(junk, " ")
        words = [w for w in base.split() if w not in ("and", "of", "the")]
        slug = "".join(words[:2]) if self.chance(0.5) else "-".join(words[:2])
        return f"{slug}.{TLD.get(pc, 'com')}"

    # -- addresses ----------------------------------------------------------------
    def uk_postcode(self, area):
        return f"{area}{self.ri(1, 28)} {self.ri(1, 9)}{self.letters(2, 'ABDEFGHJLNPQRSTUWXYZ')}"

    def address(self, pc, with_country=None):
        """Returns dict with 'full' and the parts (city/state/zip/country)."""
        r = self.r
        ch = self.pick
        country = ch(PROFILES[pc]["country"])
        st = None
        if pc == "UK":
            city, area = ch(UK_TOWNS)
            z = self.uk_postcode(area)
            line1 = f"{r.randint(1, 240)} {ch(UK_STREETS)}"
            if self.chance(0.3):
                line1 = f"Flat {r.randint(1, 40)}, " + line1
            full = f"{line1}, {city}, {z}" if self.chance(0.6) else f"{line1}, {city} {z}"
        elif pc == "US":
            city, st, zp = ch(US_CITIES)
            z = zp + self.digits(2)
            line1 = f"{r.randint(10, 9899)} {ch(US_STREETS)}"
            if self.chance(0.3):
                line1 += ch([f", Apt {r.randint(1, 40)}{ch('ABCD')}", f" #{r.randint(100, 999)}", f", Unit {r.randint(1, 30)}"])
            full = f"{line1}, {city}, {st} {z}"
        elif pc == "CA":
            city, st, fsa = ch(CA_CITIES)
            z = f"{fsa} {r.randint(1, 9)}{self.letters(1, 'ABCEGHJKLMNPRSTVWXYZ')}{r.randint(0, 9)}"
            line1 = f"{r.randint(10, 2999)} {ch(CA_STREETS)}"
            if self.chance(0.3):
                line1 = f"{r.randint(101, 2405)}-" + line1
            full = f"{line1}, {city}, {st} {z}"
        elif pc == "AU":
            city, st, z = ch(AU_CITIES)
            line1 = f"{r.randint(1, 180)} {ch(AU_STREETS)}"
            if self.chance(0.35):
                line1 = f"Unit {r.randint(1, 20)}/" + line1
            full = f"{line1}, {city} {st} {z}" if self.chance(0.6) else f"{line1}, {city}, {st} {z}"
        elif pc == "SG":
            city = "Singapore"
            z = f"{r.randint(10, 82)}{self.digits(4)}"
            line1 = f"Blk {r.randint(100, 999)} {ch(SG_STREETS)}, #{r.randint(2, 25):02d}-{r.randint(1, 350)}"
            full = f"{line1}, Singapore {z}"
        elif pc == "BR":
            city, st, first = ch(BR_CITIES)
            z = f"{first}{self.digits(4)}-{self.digits(3)}"
            line1 = f"{ch(BR_STREETS)}, {r.randint(10, 2500)}"
            if self.chance(0.4):
                line1 += f", apto {r.randint(11, 184)}"
            full = f"{line1}, {ch(BR_BAIRROS)}, {city} - {st}, {z}"
        elif pc == "MX":
            city, st, first = ch(MX_CITIES)
            z = first + self.digits(5 - len(first))
            line1 = f"{ch(MX_STREETS)} {r.randint(10, 1999)}"
            if self.chance(0.35):
                line1 += f", Int. {r.randint(1, 12)}"
            full = f"{line1}, {ch(MX_COLONIAS)}, {z} {city}, {st}"
        elif pc == "ES":
            city, first = ch(ES_CITIES)
            z = first + self.digits(2)
            line1 = f"{ch(ES_STREETS)} {r.randint(1, 180)}"
            if self.chance(0.5):
                line1 += f", {r.randint(1, 9)}º {ch(['izq.', 'dcha.', 'A', 'B', 'C'])}"
            full = f"{line1}, {z} {city}"
        elif pc == "IT":
            city, first, prov = ch(IT_CITIES)
            z = first + self.digits(2)
            line1 = f"{ch(IT_STREETS)} {r.randint(1, 140)}"
            full = f"{line1}, {z} {city} {prov}" if self.chance(0.6) else f"{line1}, {z} {city} ({prov})"
        elif pc == "NL":
            city, first = ch(NL_CITIES)
            z = f"{first}{self.digits(2)} {self.letters(2, 'ABCDEGHJKLMNPRSTVWXZ')}"
            line1 = f"{ch(NL_STREETS)} {r.randint(1, 400)}" + (ch(["-2", " A", "-III", " bis"]) if self.chance(0.3) else "")
            full = f"{line1}, {z} {city}"
        elif pc == "DE":
            city, first = ch(DE_CITIES)
            z = first + self.digits(3)
            line1 = f"{ch(DE_STREETS)} {r.randint(1, 120)}" + (ch(["a", "b"]) if self.chance(0.2) else "")
            full = f"{line1}, {z} {city}"
        elif pc == "PL":
            city, first = ch(PL_CITIES)
            z = f"{first}{r.randint(0, 9)}-{self.digits(3)}"
            n = f"{r.randint(1, 140)}" + (f"/{r.randint(1, 60)}" if self.chance(0.5) else "")
            line1 = f"{ch(PL_STREETS)} {n}"
            full = f"{line1}, {z} {city}"
        elif pc == "SE":
            city, first = ch(SE_CITIES)
            z = f"{first}{self.digits(3 - len(first))} {self.digits(2)}"
            line1 = f"{ch(SE_STREETS)} {r.randint(1, 90)}" + (f", lgh {r.randint(1001, 1405)}" if self.chance(0.3) else "")
            full = f"{line1}, {z} {city}"
        elif pc == "ZA":
            city, st, z, sub = ch(ZA_CITIES)
            line1 = f"{r.randint(1, 300)} {ch(ZA_STREETS)}"
            full = f"{line1}, {sub}, {city}, {z}"
        elif pc == "IN":
            city, st, first = ch(IN_CITIES)
            z = first + self.digits(2)
            line1 = f"Flat {r.randint(101, 1204)}, {ch(['Sai Krupa', 'Green Meadows', 'Shanti Niketan', 'Prestige Lakeside', 'Lotus'])} Apartments"
            full = f"{line1}, {ordinal(r.randint(1, 18))} Cross, {ch(IN_LOCAL)}, {city} {z}"
        elif pc == "CN":
            if self.chance(0.5):
                st_, dist = ch(HK_STREETS)
                city = "Hong Kong"
                z = None
                line1 = f"Flat {ch('ABCDEFGH')}, {r.randint(2, 38)}/F, Tower {r.randint(1, 9)}, {ch(HK_ESTATES)}"
                full = f"{line1}, {r.randint(1, 99)} {st_}, {dist}"
            else:
                city = ch(["Shanghai", "Beijing", "Shenzhen", "Hangzhou"])
                z = f"{ch(['200', '100', '518', '310'])}{self.digits(3)}"
                line1 = f"Room {r.randint(2, 30)}0{r.randint(1, 8)}, No. {r.randint(1, 999)} {ch(['Xuhui', 'Zhongshan', 'Nanjing West', 'Jianguo', 'Wensan'])} Road"
                full = f"{line1}, {ch(['Xuhui', 'Chaoyang', 'Nanshan', 'Xihu', 'Jing’an'])} District, {city} {z}"
        elif pc == "KR":
            gu, city = ch(KR_GU)
            z = self.digits(5)
            line1 = f"Apt {r.randint(1, 25)}0{r.randint(1, 9)}, {r.randint(1, 400)} {ch(KR_STREETS)}"
            full = f"{line1}, {gu}, {city} {z}"
        elif pc == "IE":
            city, rk = ch(IE_PLACES)
            z = f"{rk} {self.alnum(4, 'ACDEFHKNPRTVWXY0123456789')}"
            line1 = f"{r.randint(1, 120)} {ch(IE_STREETS)}"
            if self.chance(0.3):
                line1 = f"Apt {r.randint(1, 40)}, " + line1
            full = f"{line1}, {city}, {z}"
        else:
            raise ValueError(pc)
        if with_country is None:
            with_country = self.chance(0.2)
        if with_country:
            full = f"{full}, {country}"
        return dict(full=full, line1=line1, city=city, state=st, zip=z, country=country)

    # -- organisations -------------------------------------------------------------
    def bank(self, pc):
        return self.pick(BANKS[pc])

    def employer(self, pc=None):
        if self.chance(0.3):
            f = self.fk[self.pick(["en_US", "en_GB", "en_AU", "de_DE", "nl_NL"])]
            return f.company()
        return self.pick(EMPLOYERS)

    # -- identifiers -------------------------------------------------------------
    def ssn(self):
        area = self.ri(1, 899)
        while area == 666:
            area = self.ri(1, 899)
        return f"{area:03d}-{self.ri(1, 99):02d}-{self.ri(1, 9999):04d}"

    def itin(self):
        return f"9{self.digits(2)}-{self.pick([70, 71, 72, 78, 80, 83, 88, 90, 92, 94, 97])}-{self.digits(4)}"

    def nino(self, spaced=None):
        while True:
            pre = self.pick(UK_NINO_FIRST) + self.pick(UK_NINO_SECOND)
            if pre not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
                break
        d = self.digits(6)
        suf = self.pick("ABCD")
        if spaced is None:
            spaced = self.chance(0.5)
        return f"{pre} {d[:2]} {d[2:4]} {d[4:]} {suf}" if spaced else f"{pre}{d}{suf}"

    def sin(self):
        while True:
            p = self.pick("1234567") + self.digits(7)
            s = p + luhn_digit(p)
            return self.pick([f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}-{s[3:6]}-{s[6:]}", s])

    def tfn(self):
        w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
        while True:
            d = [self.ri(0, 9) for _ in range(8)]
            s = sum(a * b for a, b in zip(d, w))
            last = s % 11
            if last < 10:
                d.append(last)
                assert sum(a * b for a, b in zip(d, w)) % 11 == 0
                t = "".join(map(str, d))
                return self.pick([f"{t[:3]} {t[3:6]} {t[6:]}", t])

    def medicare_au(self):
        w = [1, 3, 7, 9, 1, 3, 7, 9]
        d = [self.ri(2, 6)] + [self.ri(0, 9) for _ in range(7)]
        c = sum(a * b for a, b in zip(d, w)) % 10
        s = "".join(map(str, d)) + str(c) + str(self.ri(1, 9))
        return f"{s[:4]} {s[4:9]} {s[9]}"

    def nric(self):
        pre = self.pick("STFG")
        d = [self.ri(0, 9) for _ in range(7)]
        s = sum(a * b for a, b in zip(d, [2, 7, 6, 5, 4, 3, 2])) + (4 if pre in "TG" else 0)
        tbl = "JZIHGFEDCBA" if pre in "ST" else "XWUTRQPNMLK"
        return pre + "".join(map(str, d)) + tbl[s % 11]

    def cpf(self, formatted=True):
        d = [self.ri(0, 9) for _ in range(9)]
        for n in (10, 11):
            s = sum(x * w for x, w in zip(d, range(n, 1, -1)))
            r = (s * 10) % 11
            d.append(0 if r == 10 else r)
        s = "".join(map(str, d))
        return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}" if formatted else s

    def curp(self, p, dob):
        sur = ascii_fold(p.surname).upper().replace(" ", "")
        given = ascii_fold(p.given).upper().split()[0]
        vow = next((c for c in sur[1:] if c in "AEIOU"), "X")
        parts = ascii_fold(p.surname).upper().split()
        second = parts[-1][0] if len(parts) > 1 else "X"
        head = sur[0] + vow + second + given[0]
        cons = lambda w: next((c for c in w[1:] if c.isalpha() and c not in "AEIOU"), "X")
        body = (head + f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}" + ("H" if p.gender == "m" else "M")
                + self.pick(["DF", "JC", "NL", "MC", "PL", "YN", "VZ", "GT"]) + cons(sur) + cons(parts[-1]) + cons(given)
                + (str(self.ri(0, 9)) if dob.year < 2000 else self.pick("ABCDEF")))
        s = sum(CURP_CHARS.index(c) * (18 - i) for i, c in enumerate(body))
        return body + str((10 - s % 10) % 10)

    def rfc(self, p, dob):
        sur = ascii_fold(p.surname).upper().replace(" ", "")
        given = ascii_fold(p.given).upper()
        vow = next((c for c in sur[1:] if c in "AEIOU"), "X")
        parts = ascii_fold(p.surname).upper().split()
        second = parts[-1][0] if len(parts) > 1 else "X"
        body = sur[0] + vow + second + given[0] + f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}" + self.alnum(2)
        chars = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
        s = sum(chars.index(c) * (13 - i) for i, c in enumerate(body))
        r = s % 11
        c = "0" if r == 0 else ("A" if 11 - r == 10 else str(11 - r))
        return body + c

    def dni(self):
        n = self.ri(10000000, 99999999)
        return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"

    def nie(self):
        pre = self.pick("XYZ")
        n = self.digits(7)
        num = int(str("XYZ".index(pre)) + n)
        return f"{pre}{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[num % 23]}"

    def codice_fiscale(self, p, dob):
        def cons(w):
            return [c for c in w if c.isalpha() and c not in "AEIOU"]

        def vows(w):
            return [c for c in w if c in "AEIOU"]
        sur = ascii_fold(p.surname).upper().replace(" ", "").replace("'", "")
        nam = ascii_fold(p.given).upper().replace(" ", "")
        sc = (cons(sur) + vows(sur) + ["X"] * 3)[:3]
        nc = cons(nam)
        if len(nc) >= 4:
            nc = [nc[0], nc[2], nc[3]]
        else:
            nc = (nc + vows(nam) + ["X"] * 3)[:3]
        day = dob.day + (40 if p.gender == "f" else 0)
        body = "".join(sc + nc) + f"{dob.year % 100:02d}" + CF_MONTH[dob.month - 1] + f"{day:02d}" + self.pick(CF_PLACES)
        tot = 0
        for i, c in enumerate(body):
            if i % 2 == 0:
                tot += CF_ODD[c]
            else:
                tot += int(c) if c.isdigit() else ord(c) - 65
        return body + chr(65 + tot % 26)

    def bsn(self):
        while True:
            d = [self.ri(1, 6)] + [self.ri(0, 9) for _ in range(7)]
            s = sum(a * (9 - i) for i, a in enumerate(d))
            last = s % 11
            if last < 10:
                return "".join(map(str, d)) + str(last)

    def pesel(self, p, dob):
        m = dob.month + (20 if dob.year >= 2000 else 0)
        base = f"{dob.year % 100:02d}{m:02d}{dob.day:02d}{self.digits(3)}"
        sexd = self.pick("13579" if p.gender == "m" else "02468")
        base += sexd
        w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        s = sum(int(a) * b for a, b in zip(base, w))
        return base + str((10 - s % 10) % 10)

    def personnummer(self, p, dob):
        base = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{self.digits(2)}{self.pick('13579' if p.gender == 'm' else '02468')}"
        full = base + luhn_digit(base)
        sep = "+" if dob.year < 1925 else "-"
        return self.pick([f"{full[:6]}{sep}{full[6:]}", f"{dob.year}{full[2:6]}-{full[6:]}"])

    def sa_id(self, p, dob):
        g = self.ri(5000, 9999) if p.gender == "m" else self.ri(0, 4999)
        base = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{g:04d}{self.pick('001')}8"
        return base + luhn_digit(base)

    def aadhaar(self):
        b = str(self.ri(2, 9)) + self.digits(10)
        s = b + verhoeff_digit(b)
        assert verhoeff_ok(s)
        return self.pick([f"{s[:4]} {s[4:8]} {s[8:]}", s, f"{s[:4]}-{s[4:8]}-{s[8:]}"])

    def pan(self, p):
        return self.letters(3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "P" + ascii_fold(p.surname)[0].upper() + self.digits(4) + self.letters(1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    def cn_id(self, p, dob):
        seq = self.digits(2) + self.pick("13579" if p.gender == "m" else "02468")
        body = self.pick(CN_REGIONS) + f"{dob.year}{dob.month:02d}{dob.day:02d}" + seq
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        s = sum(int(a) * b for a, b in zip(body, w))
        return body + "10X98765432"[s % 11]

    def hkid(self):
        L = self.pick("ACDEGHKPRVYZ")
        d = self.digits(6)
        s = 36 * 9 + (ord(L) - 55) * 8 + sum(int(c) * w for c, w in zip(d, [7, 6, 5, 4, 3, 2]))
        c = (11 - s % 11) % 11
        return f"{L}{d}({'A' if c == 10 else c})"

    def rrn(self, p, dob):
        g = (1 if p.gender == "m" else 2) + (2 if dob.year >= 2000 else 0)
        base = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{g}{self.digits(5)}"
        w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
        s = sum(int(a) * b for a, b in zip(base, w))
        full = base + str((11 - s % 11) % 10)
        return f"{full[:6]}-{full[6:]}"

    def ppsn(self):
        d = self.digits(7)
        second = self.pick(["", "", "A", "W"])
        s = sum(int(c) * w for c, w in zip(d, [8, 7, 6, 5, 4, 3, 2])) + (9 * (ord(second) - 64) if second else 0)
        return d + "WABCDEFGHIJKLMNOPQRSTUV"[s % 23] + second

    def steuer_id(self):
        while True:
            digits = list(range(10))
            self.r.shuffle(digits)
            if digits[0] == 0:
                continue
            first10 = digits[:9]
            dup = self.pick(first10)
            pos = self.ri(1, 9)
            first10 = first10[:pos] + [dup] + first10[pos:]
            first10 = first10[:10]
            if first10[0] == 0:
                continue
            prod = 10
            for x in first10:
                sm = (x + prod) % 10
                if sm == 0:
                    sm = 10
                prod = (sm * 2) % 11
            chk = 11 - prod
            if chk == 10:
                chk = 0
            s = "".join(map(str, first10)) + str(chk)
            return self.pick([s, f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"])

    def natid(self, pc, p, dob):
        """National identifier for a resident of pc: (label, value, type)."""
        ch = self.pick
        if pc == "UK":
            return ch(["NI No.", "NINO", "National Insurance number", "NI number", "NI"]), self.nino(), "ID"
        if pc == "US":
            if self.chance(0.1):
                return "ITIN", self.itin(), "ID"
            return ch(["SSN", "Social Security No.", "SS#", "Soc. Sec. #"]), self.ssn(), "SSN"
        if pc == "CA":
            return ch(["SIN", "Social Insurance Number", "S.I.N."]), self.sin(), "ID"
        if pc == "AU":
            if self.chance(0.25):
                return ch(["Medicare no.", "Medicare card"]), self.medicare_au(), "ID"
            return ch(["TFN", "Tax File Number"]), self.tfn(), "ID"
        if pc == "SG":
            return ch(["NRIC", "NRIC/FIN", "NRIC No."]), self.nric(), "ID"
        if pc == "BR":
            return ch(["CPF", "CPF nº", "CPF/MF"]), self.cpf(self.chance(0.8)), "ID"
        if pc == "MX":
            if self.chance(0.35):
                return "RFC", self.rfc(p, dob), "ID"
            return "CURP", self.curp(p, dob), "ID"
        if pc == "ES":
            if self.chance(0.35):
                return ch(["NIE", "DNI/NIE"]), self.nie(), "ID"
            return ch(["DNI", "DNI/NIE", "NIF"]), self.dni(), "ID"
        if pc == "IT":
            return ch(["Codice Fiscale", "C.F.", "codice fiscale"]), self.codice_fiscale(p, dob), "ID"
        if pc == "NL":
            return ch(["BSN", "BSN-nummer", "burgerservicenummer"]), self.bsn(), "ID"
        if pc == "DE":
            return ch(["Steuer-ID", "Steuerliche Identifikationsnummer", "tax ID"]), self.steuer_id(), "ID"
        if pc == "PL":
            return ch(["PESEL", "PESEL no."]), self.pesel(p, dob), "ID"
        if pc == "SE":
            return ch(["personnummer", "Personnummer", "pers.nr"]), self.personnummer(p, dob), "ID"
        if pc == "ZA":
            return ch(["ID number", "SA ID", "RSA ID no."]), self.sa_id(p, dob), "ID"
        if pc == "IN":
            if self.chance(0.4):
                return ch(["PAN", "PAN card"]), self.pan(p), "ID"
            return ch(["Aadhaar", "Aadhaar no.", "UID"]), self.aadhaar(), "ID"
        if pc == "CN":
            if self.chance(0.5):
                return ch(["HKID", "HKID no."]), self.hkid(), "ID"
            return ch(["Resident ID", "PRC ID card", "身份证 / resident ID"]), self.cn_id(p, dob), "ID"
        if pc == "KR":
            return ch(["RRN", "Resident Registration No.", "주민등록번호 (RRN)"]), self.rrn(p, dob), "ID"
        if pc == "IE":
            return ch(["PPSN", "PPS No.", "PPS number"]), self.ppsn(), "ID"
        raise ValueError(pc)

    def passport(self, pc):
        ch = self.pick
        return {
            "UK": lambda: self.digits(9, True), "US": lambda: ch([self.digits(9, True), "A" + self.digits(8)]),
            "CA": lambda: self.letters(2) + self.digits(6), "AU": lambda: ch(["PA", "PB", "N"]) + self.digits(7),
            "SG": lambda: "K" + self.digits(7) + self.letters(1), "BR": lambda: self.letters(2) + self.digits(6),
            "MX": lambda: "G" + self.digits(8), "ES": lambda: self.letters(3) + self.digits(6),
            "IT": lambda: "Y" + self.letters(1) + self.digits(7), "NL": lambda: self.letters(2) + self.alnum(6) + self.digits(1),
            "DE": lambda: "C" + self.alnum(8, "CFGHJKLMNPRTVWXYZ0123456789"), "PL": lambda: self.letters(2) + self.digits(7),
            "SE": lambda: self.digits(8), "ZA": lambda: "A" + self.digits(8), "IN": lambda: self.letters(1) + self.digits(7),
            "CN": lambda: "E" + self.digits(8), "KR": lambda: "M" + self.digits(8), "IE": lambda: self.letters(2) + self.digits(7),
        }[pc]()

    def driving_licence(self, pc, p=None, dob=None):
        """(label, value)"""
        ch = self.pick
        if pc == "US":
            st = ch(["CA", "NY", "TX", "FL", "IL", "PA", "WA", "NJ", "MI"])
            v = {"CA": lambda: self.letters(1) + self.digits(7),
                 "NY": lambda: ch([self.digits(9), f"{self.digits(3)} {self.digits(3)} {self.digits(3)}"]),
                 "TX": lambda: self.digits(8),
                 "FL": lambda: f"{self.letters(1)}{self.digits(3)}-{self.digits(3)}-{self.digits(2)}-{self.digits(3)}-{self.digits(1)}",
                 "IL": lambda: f"{self.letters(1)}{self.digits(3)}-{self.digits(4)}-{self.digits(4)}",
                 "PA": lambda: ch([self.digits(8), f"{self.digits(2)} {self.digits(3)} {self.digits(3)}"]),
                 "WA": lambda: "WDL" + self.alnum(9),
                 "NJ": lambda: f"{self.letters(1)}{self.digits(4)} {self.digits(5)} {self.digits(5)}",
                 "MI": lambda: f"{self.letters(1)} {self.digits(3)} {self.digits(3)} {self.digits(3)} {self.digits(3)}"}[st]()
            return f"{st} DL", v
        if pc == "UK":
            sur = (ascii_fold(p.surname).upper().replace(" ", "").replace("'", "").replace("-", "") + "99999")[:5] if p else self.letters(5)
            d = dob or self.dob()
            m = d.month + (50 if p and p.gender == "f" else 0)
            ini = (ascii_fold(p.given)[0].upper() + (ascii_fold(p.middle)[0].upper() if p and p.middle else "9")) if p else "J9"
            return "driving licence", f"{sur}{str(d.year)[2]}{m:02d}{d.day:02d}{str(d.year)[3]}{ini}{self.ri(0, 9)}{self.letters(2)}"
        if pc == "CA":
            return "Ontario DL", f"{self.letters(1)}{self.digits(4)}-{self.digits(5)}-{self.digits(5)}"
        if pc == "AU":
            return ch(["NSW licence", "VIC licence", "QLD DL"]), self.digits(ch([8, 9, 10]))
        if pc == "IN":
            return "DL", f"{ch(['MH12', 'KA03', 'DL09', 'TN10'])} {self.digits(4)}{self.digits(7)}"
        if pc == "IE":
            return "driving licence", f"{self.digits(3)}{self.digits(6)}"
        return "driving licence", self.letters(1) + self.digits(8)

    def plate(self, pc):
        ch = self.pick
        return {
            "UK": lambda: f"{self.letters(2, 'ABCDEFGHKLMNOPRSTVWY')}{self.ri(51, 74)} {self.letters(3, 'ABCDEFGHJKLMNOPRSTUVWXYZ')}",
            "US": lambda: ch([f"{self.ri(1, 9)}{self.letters(3)}{self.digits(3)}", f"{self.letters(3)}-{self.digits(4)}", f"{self.letters(3)} {self.digits(3)}"]),
            "DE": lambda: f"{ch(['B', 'HH', 'M', 'K', 'F', 'S'])}-{self.letters(2)} {self.ri(1, 9999)}",
            "AU": lambda: f"{self.letters(3)}-{self.digits(3)}", "CA": lambda: f"{self.letters(4)} {self.digits(3)}",
            "IE": lambda: f"{self.ri(151, 242)}-{ch(['D', 'C', 'G', 'KE', 'WW', 'L'])}-{self.ri(1, 99999)}",
            "NL": lambda: f"{self.letters(2)}-{self.digits(3)}-{self.letters(1)}",
        }.get(pc, lambda: f"{self.letters(3)} {self.digits(4)}")()

    def imei(self):
        b = self.pick(["35", "86", "01", "49"]) + self.digits(12)
        s = b + luhn_digit(b)
        return self.pick([s, f"{s[:2]}-{s[2:8]}-{s[8:14]}-{s[14]}", f"{s[:8]} {s[8:14]} {s[14]}"])

    def vin(self):
        return self.alnum(17, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789")

    # -- financial numbers ---------------------------------------------------------
    def card(self, brand=None):
        ch = self.pick
        brand = brand or ch(["visa", "visa", "visa", "mc", "mc", "amex", "discover", "jcb", "diners", "unionpay"])
        if brand == "visa":
            pre, ln = "4", 16
        elif brand == "mc":
            pre, ln = ch(["51", "52", "53", "54", "55", str(self.ri(2221, 2720))]), 16
        elif brand == "amex":
            pre, ln = ch(["34", "37"]), 15
        elif brand == "discover":
            pre, ln = ch(["6011", "65"]), 16
        elif brand == "jcb":
            pre, ln = str(self.ri(3528, 3589)), 16
        elif brand == "diners":
            pre, ln = "36", 14
        else:
            pre, ln = "62", ch([16, 19])
        body = pre + self.digits(ln - len(pre) - 1)
        num = body + luhn_digit(body)
        assert luhn_ok(num)
        sep = ch([" ", " ", "-", ""])
        if ln == 15:
            out = sep.join([num[:4], num[4:10], num[10:]])
        elif ln == 14:
            out = sep.join([num[:4], num[4:10], num[10:]])
        else:
            out = group(num, 4, sep)
        return out, num[-4:], brand

    def iban(self, pc=None, grouped=None):
        ch = self.pick
        cc = pc if pc in ("UK", "DE", "ES", "IT", "NL", "PL", "SE", "IE") else ch(["DE", "FR", "ES", "IT", "NL", "PL", "BE", "IE", "PT", "AT", "CH", "UK"])
        cc = "GB" if cc == "UK" else cc
        bban = {
            "GB": lambda: ch(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "SRLG"]) + self.digits(14),
            "DE": lambda: self.digits(18), "FR": lambda: self.digits(23),
            "ES": lambda: self.digits(20), "IT": lambda: self.letters(1) + self.digits(22),
            "NL": lambda: ch(["ABNA", "INGB", "RABO", "TRIO", "SNSB"]) + self.digits(10),
            "PL": lambda: self.digits(24), "SE": lambda: self.digits(20),
            "IE": lambda: ch(["AIBK", "BOFI"]) + self.digits(14), "PT": lambda: self.digits(21),
            "AT": lambda: self.digits(16), "CH": lambda: self.digits(17),
            "BE": lambda: (lambda b: b + f"{(int(b) % 97) or 97:02d}")(self.digits(10)),
        }[cc]()
        ib = iban_make(cc, bban)
        assert iban_ok(ib)
        if grouped is None:
            grouped = self.chance(0.6)
        return group(ib) if grouped else ib

    def uk_account(self):
        return self.digits(8)

    def sort_code(self):
        return f"{self.ri(10, 99)}-{self.digits(2)}-{self.digits(2)}"

    def aba(self):
        while True:
            d = [self.ri(0, 9) for _ in range(8)]
            d[0] = self.pick([0, 1, 2, 3])
            s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
            c = (10 - s % 10) % 10
            return "".join(map(str, d)) + str(c)

    def acct(self, pc):
        """Bank account number typical of the country (label-free value)."""
        return {
            "UK": lambda: self.digits(8), "US": lambda: self.digits(self.pick([10, 11, 12])),
            "CA": lambda: self.digits(7), "AU": lambda: f"{self.digits(3)} {self.digits(3)} {self.digits(3)}",
            "SG": lambda: f"{self.digits(3)}-{self.digits(6)}-{self.digits(1)}", "IN": lambda: self.digits(14),
            "BR": lambda: f"{self.digits(5)}-{self.digits(1)}", "MX": lambda: self.digits(11),
            "ZA": lambda: self.digits(10), "CN": lambda: f"{self.digits(3)}-{self.digits(6)}-{self.digits(3)}",
            "KR": lambda: f"{self.digits(3)}-{self.digits(2)}-{self.digits(6)}",
        }.get(pc, lambda: self.digits(10))()

    def policy_no(self):
        ch = self.pick
        return ch([
            lambda: f"POL-{self.letters(2)}-{self.digits(7)}", lambda: f"{self.letters(3)}{self.digits(8)}",
            lambda: f"HX/{self.digits(6)}/{self.ri(1, 9):02d}", lambda: f"{self.digits(4)}-{self.digits(4)}-{self.digits(2)}",
            lambda: f"LF{self.digits(9)}", lambda: f"MTR {self.digits(3)} {self.digits(4)} {self.letters(1)}",
            lambda: f"{self.letters(1)}{self.digits(2)}-{self.alnum(6)}", lambda: self.digits(10),
        ])()

    def member_no(self):
        return self.pick([lambda: f"M{self.digits(8)}", lambda: f"{self.digits(3)} {self.digits(3)} {self.digits(3)}",
                          lambda: f"MBR-{self.digits(6)}", lambda: f"{self.letters(3)}{self.digits(9)}"])()

    def emp_id(self):
        return self.pick([lambda: f"E{self.digits(5)}", lambda: f"EMP-{self.digits(6)}", lambda: self.digits(6),
                          lambda: f"{self.letters(2)}{self.digits(5)}", lambda: f"PR/{self.digits(5)}",
                          lambda: f"{self.digits(4)}-{self.digits(3)}", lambda: f"emp{self.digits(5)}"])()

    def cust_id(self):
        return self.pick([lambda: self.digits(10), lambda: f"CUST-{self.digits(8)}", lambda: f"C{self.digits(7)}",
                          lambda: f"{self.digits(4)}-{self.digits(4)}-{self.digits(2)}", lambda: self.digits(9),
                          lambda: f"{self.letters(2)}{self.digits(6)}"])()

    def loan_no(self):
        return self.pick([lambda: f"LN-{self.digits(4)}-{self.digits(4)}-{self.digits(2)}", lambda: f"MTG{self.digits(9)}",
                          lambda: f"{self.digits(3)}/{self.digits(7)}", lambda: f"HL{self.digits(4)} {self.digits(4)} {self.digits(3)}",
                          lambda: f"AUTO-{self.digits(8)}", lambda: self.digits(12)])()

    # unlabelled look-alikes
    def case_ref(self, pfx=None):
        pfx = pfx or self.pick(["CASE", "FRD", "KYC", "AML", "CLM", "INC", "REF", "SR"])
        return self.pick([lambda: f"{pfx}-{self.ri(2022, 2025)}-{self.digits(6)}", lambda: f"{pfx}{self.digits(7)}",
                          lambda: f"{pfx}/{self.digits(5)}", lambda: f"{pfx}-{self.digits(8)}"])()

    def invoice(self):
        return self.pick([lambda: f"INV-{self.digits(5)}", lambda: f"PO {self.digits(6)}", lambda: f"Inv. {self.ri(2023, 2025)}/{self.digits(4)}",
                          lambda: f"ORD-{self.digits(7)}", lambda: f"SO{self.digits(8)}"])()

    def uetr(self):
        h = "0123456789abcdef"
        s = "".join(self.pick(h) for _ in range(32))
        return f"{s[:8]}-{s[8:12]}-4{s[13:16]}-{self.pick('89ab')}{s[17:20]}-{s[20:]}"

    def amount(self, pc, lo=50, hi=50000):
        v = self.r.uniform(lo, hi)
        return f"{PROFILES[pc]['cur']}{v:,.2f}"

    def ip(self):
        if self.chance(0.2):
            return f"2001:db8:{self.ri(1, 0xffff):x}:{self.ri(1, 0xffff):x}::{self.ri(1, 0xffff):x}"
        first = self.pick([81, 86, 92, 102, 145, 176, 185, 203, 41, 197, 49, 189, 94, 5])
        return f"{first}.{self.ri(0, 255)}.{self.ri(0, 255)}.{self.ri(1, 254)}"

    def lab(self, kind):
        """Varied label wording for an identifier (the label itself is never labelled)."""
        return self.pick({
            "acct": ["Account no. ", "Acct # ", "A/C ", "a/c no ", "account number ", "Acct: ", "acc. ", "Account: "],
            "policy": ["Policy No. ", "Policy # ", "policy no ", "Pol. no. ", "Policy number: ", "POLICY: ", "pol# "],
            "emp": ["Emp ID ", "Employee # ", "staff no. ", "Payroll ID: ", "Employee No. ", "EE ID ", "Personnel no. ",
                    "emp no ", "Staff ID: ", "employee number "],
            "cust": ["CIF ", "Customer No. ", "cust id ", "Client ID: ", "CRN ", "Customer number: ", "cust# "],
            "member": ["Member # ", "member no. ", "Membership ID: ", "Mbr No ", "Member number "],
            "loan": ["Loan acct ", "Loan account no. ", "Loan # ", "Mortgage a/c ", "loan ref no. "],
        }[kind])

    def time(self):
        return self.pick([f"{self.ri(7, 19):02d}:{self.ri(0, 59):02d}", f"{self.ri(1, 12)}:{self.ri(0, 59):02d}{self.pick(['am', 'pm', ' am', ' pm'])}",
                          f"{self.ri(0, 23):02d}:{self.ri(0, 59):02d}:{self.ri(0, 59):02d}"])


# ---------------------------------------------------------------------------
# Templates. Each returns a Doc. Unlabelled look-alikes are mixed in on purpose.
# ---------------------------------------------------------------------------
JOBS = ["software engineer", "nurse", "self-employed electrician", "teacher", "retired", "sales manager",
        "accountant", "warehouse supervisor", "student", "restaurant owner", "civil servant", "pharmacist",
        "HGV driver", "dentist", "marketing consultant", "care assistant"]


def natid_piece(d, g, pc, p, dob, sep=": "):
    lab, val, typ = g.natid(pc, p, dob)
    d(f"{lab}{sep}")
    d(val, typ)
    return lab, val, typ


def t_kyc(g):
    pc = g.profile()
    d = Doc()
    c = g.person(pc)
    dob = g.dob(19, 80)
    bank = g.bank(pc)
    analyst = g.person("UK" if g.chance(0.5) else pc)
    if g.chance(0.55):
        d(bank, "ORGANIZATION")
        d(g.pick([" | KYC ONBOARDING NOTE\n", " - Customer Due Diligence\n", " :: onboarding checklist\n"]))
        d("Customer: ").p(c, g.pick(["caps_last_first", "full", "caps_full", "last_comma_first"]))
        d("    " + g.lab("cust"))
        d(g.cust_id(), "ID")
        d("\nDOB: ")(g.fdate(dob, pc), "DATE")
        d("   Nationality: ")(g.nationality(c), "NRP")
        d("\n")
        natid_piece(d, g, pc, c, dob)
        if g.chance(0.6):
            d(g.pick(["\nPassport: ", "\nPassport no. ", "\nPP# "]))(g.passport(pc), "ID")
            d(" (exp. ")(g.fdate(g.day(2026, 2034), pc), "DATE")(")")
        a = g.address(pc)
        d("\nAddress: ")(a["full"], "ADDRESS")
        d("\nMobile: ")(g.phone(pc), "PHONE")
        d("  Email: ")(g.email(c, pc), "EMAIL")
        d(f"\nOccupation: {g.pick(JOBS)}; employer ")(g.employer(pc), "ORGANIZATION")
        d(f"; expected turnover {g.amount(pc, 800, 9000)}/month.")
        d(f"\nRef {g.case_ref('KYC')} - docs checked by ").p(analyst, g.pick(["initial_last", "full", "initial_nodot"]))
        d(" on ")(g.fdate(g.recent(), pc), "DATE")(".")
        if g.chance(0.35):
            d(" Docs at ")(f"https://secure.{g.org_domain(bank, pc)}/kyc/cases/{g.digits(6)}", "URL")
    else:
        a = g.address(pc, with_country=False)
        d(f"Branch note {g.time()}. Met ").p(c, "last", title=c.title(g.r))
        d(" at the ")(a["city"], "CITY")(" branch on ")(g.fdate(g.recent(), pc), "DATE")
        d(" to open a current account. ").p(c, "first")
        d(" is a ")(g.nationality(c), "NRP")(" national, DOB ")(g.fdate(dob, pc), "DATE")
        d(", and presented passport ")(g.passport(pc), "ID")(" plus ")
        natid_piece(d, g, pc, c, dob, sep=" ")
        d(". Proof of address: " + g.pick(["utility bill", "bank statement", "tenancy agreement"] + (["council tax bill"] if pc == "UK" else [])) + " for ")(a["full"], "ADDRESS")
        d(f". Source of funds: salary from ")(g.employer(pc), "ORGANIZATION")
        d(f" (approx {g.amount(pc, 2000, 7000)} net). Sanctions/PEP screening clear, ref {g.case_ref('AML')}. ")
        d("Account opened under " + g.lab("cust").lower())(g.cust_id(), "ID")
        d(". Reviewed by ").p(analyst, "full")(".")
    return d


def t_loan_app(g):
    pc = g.pick(["US", "US", "UK", "CA", "AU", "IE", "ZA", "IN"])
    d = Doc()
    a1 = g.person(pc)
    dob = g.dob(22, 70)
    lender = g.pick(BANKS[pc] + BROKERS[-3:])
    d(g.pick(["PERSONAL LOAN APPLICATION", "Loan Application - Summary", "APPLICATION FOR CREDIT"]))
    d(f"  (App ref {g.case_ref('APP')})\nLender: ")(lender, "ORGANIZATION")
    d("\nApplicant: ").p(a1, g.pick(["full", "caps_full", "last_comma_first", "full_middle"]))
    d("   DOB: ")(g.fdate(dob, pc), "DATE")
    d("\n")
    natid_piece(d, g, pc, a1, dob)
    if g.chance(0.5):
        lab, v = g.driving_licence(pc, a1, dob)
        d(f"   {lab}: ")(v, "ID")
    a = g.address(pc)
    d("\nHome: ")(a["full"], "ADDRESS")(f" (since {g.ri(2001, 2023)})")
    if pc == "US" and g.chance(0.6):
        d("; previously lived in ")(g.pick(sorted(US_STATE_NAMES.values())), "STATE")(f" for {g.ri(2, 9)} years")
    d("\nEmployer: ")(g.employer(pc), "ORGANIZATION")(f", gross income {g.amount(pc, 28000, 140000)} p.a.")
    if g.chance(0.55):
        a2 = g.person(pc)
        dob2 = g.dob(22, 70)
        d("\nCo-applicant: ").p(a2, g.pick(["full", "caps_full", "first"]))(" (DOB ")(g.fdate(dob2, pc), "DATE")(")")
    d(f"\nAmount requested: {g.amount(pc, 3000, 45000)} over {g.pick([24, 36, 48, 60, 84])} months, purpose: {g.pick(['car', 'home improvements', 'debt consolidation', 'wedding', 'tuition'])}.")
    d("\n" + g.lab("loan").strip() + " (if approved): ")(g.loan_no(), "ID")
    d("\nContact: ")(g.phone(pc), "PHONE")
    if g.chance(0.5):
        d(" / ")(g.email(a1, pc), "EMAIL")
    return d


def t_mortgage(g):
    pc = g.pick(["UK", "UK", "IE", "AU", "CA", "US", "NL"])
    d = Doc()
    b1 = g.person(pc)
    b2 = g.person(pc) if g.chance(0.6) else None
    broker = g.person(pc)
    firm = g.pick(BROKERS)
    lender = g.bank(pc)
    prop = g.address(pc, with_country=False)
    if g.chance(0.5):
        d("Mortgage file note - ")(firm, "ORGANIZATION")(f" - {g.time()}\n")
        d("Clients: ").p(b1, "full")
        if b2:
            d(" & ").p(b2, g.pick(["full", "first"]))
        d(f". Purchase of ")(prop["full"], "ADDRESS")(f", agreed price {g.amount(pc, 180000, 750000)}, LTV {g.ri(60, 95)}%.")
        d(" DIP obtained from ")(lender, "ORGANIZATION")(" on ")(g.fdate(g.recent(), pc), "DATE")
        d(f" (DIP ref {g.case_ref('DIP')}). ")
        d("Solicitor: ").p(g.person(pc), g.mention())(" at ")(g.pick(["Marlowe & Quint Solicitors", "Greaves Conveyancing", "Pembury Law LLP", "Chadwick Lettings & Legal"]), "ORGANIZATION")
        d(". ").p(b1, "first", poss=True)(g.pick([" payslips for Jan and Feb received", " last 3 months bank statements still outstanding", " P60 received, tax year 2023/24"]))
        d(". Existing mortgage account ")(g.loan_no(), "ID")(" to be redeemed on completion, target ")(g.fdate(g.day(2024, 2026), pc, g.pick(["d_month_y", "ord_month_y", "dmy0"])), "DATE")
        d(". Adviser: ").p(broker, g.mention())(".")
    else:
        d(lender, "ORGANIZATION")(" - Mortgage Offer\n")
        d("Date of offer: ")(g.fdate(g.recent(), pc), "DATE")
        d("\nBorrower(s): ").p(b1, g.pick(["full", "caps_full"]), title=b1.title(g.r))
        if b2:
            d(" and ").p(b2, g.pick(["full", "caps_full"]), title=b2.title(g.r))
        d("\nMortgage account no.: ")(g.loan_no(), "ID")
        d("\nProperty: ")(prop["full"], "ADDRESS")
        d(f"\nLoan amount {g.amount(pc, 120000, 600000)}, term {g.ri(15, 35)} years, {g.r.uniform(3.5, 6.2):.2f}% fixed until {g.pick(MONTHS)} {g.ri(2026, 2030)}.")
        d("\nThis offer expires on ")(g.fdate(g.day(2025, 2026), pc, g.pick(["d_month_y", "month_d_y", "ord_of_month_y"])), "DATE")
        d(". Queries to your broker ").p(broker, "full", title=broker.title(g.r) if g.chance(0.4) else None)(" on ")(g.phone(pc), "PHONE")(".")
    return d


def t_wire(g):
    pc = g.pick(["UK", "US", "DE", "NL", "ES", "IT", "PL", "SG", "CN", "IE", "SE"])
    d = Doc()
    orig = g.person(pc)
    ben = g.person(g.profile())
    bank = g.bank(pc)
    style = g.ri(0, 2)
    if style == 0:
        d("OUTGOING WIRE - INTERNATIONAL\nOrdering customer: ").p(orig, g.pick(["caps_full", "full", "caps_last_first"]))
        d("\nDebit account: ")
        if pc in ("UK", "DE", "NL", "ES", "IT", "PL", "IE", "SE"):
            d(g.iban(pc), "IBAN")
        else:
            d(g.acct(pc), "ID")
        d("\nBeneficiary: ").p(ben, g.pick(["caps_full", "full"]))
        d("\nBeneficiary IBAN: ")(g.iban(grouped=g.chance(0.3)), "IBAN")
        d(f"\nBIC: {g.pick(BICS)}\nAmount: {g.pick(['EUR', 'GBP', 'USD', 'CHF'])} {g.r.uniform(500, 90000):,.2f}")
        d(f"\nRemittance info: {g.pick(['INVOICE', 'RENT', 'TUITION', 'FAMILY SUPPORT'])} {g.invoice()}")
        d(f"\nValue date: ")(g.fdate(g.recent(), pc, g.pick(["iso", "dmy0", "d_mon_y"])), "DATE")
        d(f"\nUETR: {g.uetr()}\nAuthorised by: ").p(g.person(pc), g.mention(staff=True))(f" at {g.time()}")
    elif style == 1:
        d("Payment instruction received by secure message from ").p(orig, "full")
        d(" (customer ")(g.cust_id(), "ID")(") on ")(g.fdate(g.recent(), pc), "DATE")
        d(f". Please send {g.amount(pc, 1000, 60000)} to ").p(ben, "full")
        d(", account ")(g.iban(grouped=True), "IBAN")(f", BIC {g.pick(BICS)}, reference \"{g.invoice()}\". ")
        d("Call-back done to registered number ")(g.phone(pc), "PHONE")
        d(" - spoke to ").p(orig, "first")
        d(f", confirmed verbally. Processed by ").p(g.person(pc), "initial_last")(f", batch {g.ri(2024, 2025)}-{g.digits(2)}-{g.digits(3)}.")
    else:
        d(f":20:{g.alnum(12)}\n:23B:CRED\n:32A:")(g.fdate(g.recent(), pc, "compact")[2:], "DATE")
        d(f"{g.pick(['EUR', 'USD', 'GBP'])}{g.ri(1000, 99999)},{g.digits(2)}\n")
        d(":50K:/")(g.iban(pc if pc in ('UK', 'DE', 'NL', 'ES', 'IT', 'PL', 'IE', 'SE') else None, grouped=False), "IBAN")
        d("\n")(orig.render("caps_full"), "PERSON")
        a = g.address(pc, with_country=False)
        d("\n")(a["full"].upper(), "ADDRESS")
        d(f"\n:57A:{g.pick(BICS)}\n:59:/")(g.iban(grouped=False), "IBAN")
        d("\n")(ben.render("caps_full"), "PERSON")
        d(f"\n:70:{g.invoice()}\n:71A:SHA")
    return d


def t_bec(g):
    pc = g.pick(["UK", "US", "AU", "IE", "CA"])
    d = Doc()
    vend = g.person(pc)
    ap = g.person(pc)
    org = g.employer(pc)
    dom = g.org_domain(org, pc)
    head, tail = dom.split(".", 1)
    fraud_dom = g.pick([head + "-payments." + tail, head + "-ltd." + tail, head[:2] + head[1:] + "." + tail,
                        head.replace("l", "1", 1) + "." + tail if "l" in head else head + "s." + tail])
    d("From: ")(vend.render("full"), "PERSON")(" <")(g.email(vend, pc, fraud_dom), "EMAIL")(">\nTo: ")
    d(g.email(ap, pc, g.org_domain(g.employer(pc), pc)), "EMAIL")
    d("\nSubject: RE: updated remittance details\n\nHi ").p(ap, "first")(",\n")
    d(f"Please note our bank details have changed with effect from ")(g.fdate(g.recent(), pc, g.pick(["d_month_y", "month_d_y", "ord_month_y"])), "DATE")
    d(f". Kindly settle invoice {g.invoice()} ({g.amount(pc, 4000, 95000)}) to the new account:\n")
    if pc == "UK":
        d(f"Sort code {g.sort_code()}, account ")(g.uk_account(), "ID")
    elif pc == "US":
        d(f"Routing {g.aba()}, acct ")(g.acct("US"), "ID")
    elif pc == "AU":
        d(f"BSB {g.digits(3)}-{g.digits(3)}, account ")(g.acct("AU"), "ID")
    else:
        d("IBAN ")(g.iban(grouped=True), "IBAN")
    d(" (account name ").p(vend, "full")(")\nRemittance form: ")(f"http://{fraud_dom}/remit/update", "URL")("\nDo not call the old number as the line is being switched.\n\nKind regards,\n").p(vend, "full")
    d("\n")(org, "ORGANIZATION")
    d(f"\n\n[Fraud team note: spoofed domain, {g.case_ref('FRD')}, flagged by ").p(g.person(pc), "initial_last")("]")
    return d


def t_claim(g):
    pc = g.pick(["UK", "UK", "US", "US", "AU", "CA", "IE", "ZA", "DE", "NL"])
    d = Doc()
    h = g.person(pc)
    ins = g.pick(INSURERS)
    kind = g.pick(["motor", "motor", "home", "travel"])
    loss = g.recent()
    d(ins, "ORGANIZATION")(f" - First Notification of Loss ({kind})\n")
    d(f"Claim no: {g.case_ref('CLM')}   " + g.lab("policy"))(g.policy_no(), "ID")
    d("\nPolicyholder: ").p(h, g.pick(["full", "caps_last_first", "last_comma_first"]))
    d("  Tel: ")(g.phone(pc), "PHONE")
    d("\nDate of loss: ")(g.fdate(loss, pc), "DATE")(f" approx {g.time()}")
    if kind == "motor":
        a = g.address(pc, with_country=False)
        d("\nInsured vehicle reg ")(g.plate(pc), "ID")
        if g.chance(0.3):
            d(", VIN ")(g.vin(), "ID")
        tp = g.person(pc)
        d(". Third party driver ").p(tp, g.pick(["full", "initial_last", "full_middle"]))
        if g.chance(0.4):
            d(" (").p(tp, "first", poss=True)(" " + g.pick(["father", "employer", "mother"]) + " owns the car)")
        d(", reg ")(g.plate(pc), "ID")(", insurer ")(g.pick(INSURERS), "ORGANIZATION")
        d(f". Rear-end collision at junction near {g.pick(['the retail park', 'a roundabout', 'traffic lights', 'the school'])}. ")
        lab, v = g.driving_licence(pc, h, g.dob(25, 70))
        d(f"PH {lab} ")(v, "ID")(". Witness: ").p(g.person(pc), g.pick(["full", "first"]))(" ")(g.phone(pc), "PHONE")(".")
    elif kind == "home":
        a = g.address(pc)
        d("\nRisk address: ")(a["full"], "ADDRESS")
        d(f"\nEscape of water from upstairs bathroom, kitchen ceiling damaged. Emergency plumber invoice {g.invoice()} for {g.amount(pc, 150, 900)}. ")
        d("Loss adjuster ").p(g.person(pc), g.mention())(" to attend on ")(g.fdate(loss + timedelta(days=g.ri(2, 9)), pc, g.pick(["wd_d_month_y", "wd_ord_month", "d_month"])), "DATE")(".")
    else:
        d(f"\nBaggage lost on return flight; PIR ref {g.letters(3)}{g.digits(5)}. ")
        d("Passport ")(g.passport(pc), "ID")(" also stolen, reported to police in ")(g.pick(["Barcelona", "Lisbon", "Bangkok", "Rome", "Cancún", "Bali"]), "CITY")
        d(f". Claimed {g.amount(pc, 300, 2500)}. Handler: ").p(g.person(pc), g.mention())(". Receipts via ")
        d(f"https://claims.{g.org_domain(ins, pc)}/upload", "URL")
    return d


def t_policy_letter(g):
    pc = g.pick(["UK", "US", "AU", "CA", "IE", "SG", "ZA", "IN"])
    d = Doc()
    h = g.person(pc)
    ins = g.pick(INSURERS)
    a = g.address(pc)
    d(ins, "ORGANIZATION")("\n")
    d(h.render(g.pick(["full", "caps_full"])), "PERSON")("\n")(a["full"], "ADDRESS")("\n\n")
    d(g.fdate(g.recent(), pc, g.pick(["d_month_y", "month_d_y", "ord_month_y"])), "DATE")
    d("\n\nYour " + g.lab("policy").lower())(g.policy_no(), "ID")("\n\nDear ").p(h, g.pick(["last", "last", "full"]), title=h.title(g.r))(",\n")
    v = g.ri(0, 2)
    if v == 0:
        d(f"Your {g.pick(['home', 'car', 'life', 'income protection'])} cover renews on ")(g.fdate(g.day(2024, 2026), pc, g.pick(["d_month_y", "month_d_y"])), "DATE")
        d(f". Your new annual premium is {g.amount(pc, 180, 2400)} (last year {g.amount(pc, 150, 2000)}). If you pay by direct debit, nothing needs doing. ")
        d("To make changes, log in at ")(f"https://my.{g.org_domain(ins, pc)}/renewal", "URL")(" or call us.")
    elif v == 1:
        d("We have been unable to collect your premium of ")(f"{g.amount(pc, 20, 200)}")(" due on ")(g.fdate(g.recent(), pc), "DATE")
        d(". Please update your payment card (we hold the card ending ")(g.digits(4))(f") within 14 days or cover will lapse. Named drivers on this policy: ").p(h, "first")
        d(" and ").p(g.person(pc), g.mention())(".")
    else:
        nb = g.person(pc)
        d("Following your call, we have added ").p(nb, "full")(" (DOB ")(g.fdate(g.dob(17, 80), pc), "DATE")
        d(f") as a named driver from ")(g.fdate(g.recent(), pc), "DATE")(f". An additional premium of {g.amount(pc, 40, 300)} applies.")
    d("\n\nYours sincerely,\n").p(g.person(pc), g.mention())("\nCustomer Services")
    return d


def t_fraud_note(g):
    pc = g.profile()
    d = Doc()
    c = g.person(pc)
    an = g.person(pc)
    an2 = g.person("UK")
    card, last4, _ = g.card()
    d(f"CASE {g.case_ref('FRD')} | opened ")(g.fdate(g.recent(), pc, "iso"), "DATE")(" by ").p(an, g.pick(["initial_last", "lower_full", "full"]))
    d("\nSubject: ").p(c, g.pick(["caps_last_first", "full", "last_comma_first"]))("  " + g.lab("cust"))(g.cust_id(), "ID")
    d(f"\n{g.time()} - cust rang in re {g.ri(3, 11)} card-not-present txns on card ")(card, "CREDIT_CARD")
    d(f" not recognised ({g.amount(pc, 30, 900)} each, merchant ")(g.pick(MERCHANTS), "ORGANIZATION")(").")
    d(f" Card ending {last4} blocked, replacement ordered to address on file.")
    d(f"\n{g.time()} - online banking logins from ")(g.ip(), "IP_ADDRESS")(" and ")(g.ip(), "IP_ADDRESS")
    d(", device IMEI ")(g.imei(), "ID")(" not previously seen.")
    if g.chance(0.5):
        d(" New payee added: ").p(g.person(g.profile()), "caps_full")(", ")(g.iban(grouped=False), "IBAN")(".")
    d(f"\n{g.time()} - ").p(an, g.pick(["first", "initial_last"]))(": referred to ").p(an2, g.pick(["full", "first"]))
    d(g.pick([" for chargeback review.", " in disputes. Awaiting police ref.", " (2nd line). SAR not required at this stage."]))
    return d


TEMPLATES_1 = [t_kyc, t_loan_app, t_mortgage, t_wire, t_bec, t_claim, t_policy_letter, t_fraud_note]


def email_header(d, g, sender, pc, org_dom, to=None, cc=None, subject="", display=True):
    d("From: ")
    if display:
        d(sender.render(g.pick(["full", "full", "last_comma_first"])), "PERSON")(" <")(g.email(sender, pc, org_dom), "EMAIL")(">")
    else:
        d(g.email(sender, pc, org_dom), "EMAIL")
    if to is not None:
        d("\nTo: ")
        if display and g.chance(0.5):
            d(to.render("full"), "PERSON")(" <")(g.email(to, pc, org_dom), "EMAIL")(">")
        else:
            d(g.email(to, pc, org_dom), "EMAIL")
    if cc is not None:
        d("\nCc: ")(cc.render("full"), "PERSON")
    d(f"\nSubject: {subject}\n\n")


def t_hr_onboard(g):
    pc = g.pick(["UK", "UK", "US", "AU", "CA", "IE", "SG", "NL", "DE", "IN", "ZA"])
    d = Doc()
    org = g.employer(pc)
    dom = g.org_domain(org, pc)
    hr = g.person(pc)
    new = g.person(pc)
    mgr = g.person(pc)
    email_header(d, g, hr, pc, dom, cc=mgr if g.chance(0.5) else None, subject="Welcome aboard - first day details")
    d("Hi ").p(new, g.pick(["first", "first", "full"]))(",\n\nWelcome to ")(org, "ORGANIZATION")("! Your start date is ")
    d(g.fdate(g.day(2024, 2025), pc, g.pick(["wd_d_month_y", "wd_ord_month", "d_month_y", "month_d_y", "wd_month_d"])), "DATE")
    d(f" at 9:00. Your " + g.lab("emp").strip().rstrip(":") + " is ")(g.emp_id(), "ID")(" and your manager will be ").p(mgr, "full", title=mgr.title(g.r) if g.chance(0.25) else None)
    d(g.pick([". ", f" (ext. {g.ri(2000, 4999)}). "]))
    d(g.pick(["Please bring your passport or BRP", "Please bring photo ID", "Please bring your passport"]))
    if pc == "UK":
        d(" and confirm your NI number (we have ")(g.nino(), "ID")(" on file).")
    elif pc == "AU":
        d(" and complete the TFN declaration (TFN provided: ")(g.tfn(), "ID")(").")
    elif pc == "CA":
        d(" and your SIN card (SIN ")(g.sin(), "ID")(").")
    elif pc == "US":
        d(" for the I-9; payroll has SSN ending ")(g.digits(4))(" - please confirm the full number in Workday.")
    else:
        lab, v, typ = g.natid(pc, new, g.dob(22, 60))
        d(f" and confirm your {lab}: ")(v, typ)(".")
    d(" Your buddy for the first week is ").p(g.person(pc), g.pick(["first", "full"]))(". ")
    d("Building access: ")(g.address(pc, with_country=False)["full"], "ADDRESS")(".")
    if g.chance(0.5):
        d(" Forms: ")(f"https://{g.pick(['onboarding', 'people', 'hr'])}.{dom}/{g.pick(['start', 'new-starters', 'welcome'])}", "URL")
    d("\n\nBest,\n").p(hr, g.pick(["first", "full"]))
    d("\nPeople Team | ")(g.phone(pc), "PHONE")
    return d


def t_payroll_query(g):
    pc = g.pick(["UK", "UK", "US", "AU", "IE", "CA", "NL", "SE", "PL"])
    d = Doc()
    org = g.employer(pc)
    dom = g.org_domain(org, pc)
    emp = g.person(pc)
    pay = g.person(pc)
    v = g.ri(0, 2)
    subj = [["Query on March payslip", "Emergency tax code?"], ["Missing overtime", "overtime not paid"], ["Bank details change", "New salary account"]][v]
    email_header(d, g, emp, pc, dom, to=pay, cc=g.person(pc) if g.chance(0.3) else None, subject=g.pick(subj))
    d(g.pick(["Hi ", "Hello ", "Dear "])).p(pay, g.pick(["first", "first", "full"]))(",\n")
    if v == 0:
        d(f"My payslip for period {g.ri(1, 12)} shows tax code {g.pick(['1257L', 'BR', '0T', 'K475', '1257L M1'])} and I think I've been put on emergency tax")
        if pc in TAX_AUTH and g.chance(0.6):
            d(" - ")(TAX_AUTH[pc], "ORGANIZATION")(" say they never got my starter details")
        d(". ")
        if pc == "UK":
            d("My NI number is ")(g.nino(), "ID")
        else:
            lab, v_, typ = g.natid(pc, emp, g.dob(22, 60))
            d(f"My {lab} is ")(v_, typ)
        d(" and " + g.lab("emp").lower())(g.emp_id(), "ID")(". ")
    elif v == 1:
        d(f"Overtime of {g.ri(4, 20)} hours worked w/c ")(g.fdate(g.recent(), pc, g.pick(["d_mon", "d_month", "month_d", "dmy0"])), "DATE")
        d(f" was not paid in the last run. My line manager ").p(g.person(pc), g.pick(["full", "first"]))
        d(" approved it. " + g.lab("emp"))(g.emp_id(), "ID")(". ")
    else:
        d("Please update my salary account from next month. New details: ")
        if pc == "UK":
            d(f"sort code {g.sort_code()}, account number ")(g.uk_account(), "ID")(", ")(g.bank(pc), "ORGANIZATION")
        elif pc == "US":
            d(f"routing {g.aba()}, checking ")(g.acct("US"), "ID")(", ")(g.bank(pc), "ORGANIZATION")
        elif pc in ("AU", "CA"):
            d("account ")(g.acct(pc), "ID")(" at ")(g.bank(pc), "ORGANIZATION")
        else:
            d("IBAN ")(g.iban(pc, grouped=g.chance(0.5)), "IBAN")(" (")(g.bank(pc), "ORGANIZATION")(")")
        d(". " + g.lab("emp"))(g.emp_id(), "ID")(". ")
    d("Thanks,\n").p(emp, g.pick(["first", "full", "initial_last"]))
    if g.chance(0.5):
        d("\nMob: ")(g.phone(pc), "PHONE")
    return d


def t_leave(g):
    pc = g.pick(["UK", "US", "AU", "CA", "IE", "SG", "IN", "DE", "NL", "ZA"])
    d = Doc()
    emp = g.person(pc)
    mgr = g.person(pc)
    start = g.day(2024, 2025)
    end = start + timedelta(days=g.ri(1, 14))
    if g.chance(0.5):
        d("LEAVE REQUEST FORM\nEmployee: ").p(emp, g.pick(["full", "caps_last_first", "last_comma_first"]))
        d("   " + g.lab("emp"))(g.emp_id(), "ID")
        d("\nDept: " + g.pick(["Claims", "Underwriting", "Treasury Ops", "Retail Banking", "Payroll", "Collections"]))
        d("\nType: " + g.pick(["Annual leave", "Compassionate leave", "Religious observance", "Unpaid leave", "Parental leave"]))
        d("\nFrom: ")(g.fdate(start, pc), "DATE")("  To: ")(g.fdate(end, pc), "DATE")(f"  ({(end - start).days} working days)")
        d("\nReason: ")
        r = g.ri(0, 2)
        if r == 0:
            d("attending the funeral of my grandmother, ").p(g.person(pc), g.mention())(", in ")(g.pick(["Lagos", "Kraków", "Chennai", "Cork", "Manila", "Porto", "Accra", "Nairobi"]), "CITY")
        elif r == 1:
            d("observance of ")(g.pick(["Eid al-Fitr", "Yom Kippur", "Diwali", "Vaisakhi", "Lunar New Year", "Orthodox Easter"]))(" - I am a practising ")(g.pick(RELIGIONS[:7]), "NRP")
        else:
            d("family holiday, booked before my start date")
        d("\nCover arranged with: ").p(g.person(pc), g.pick(["full", "first"]))
        d("\nApproved: ").p(mgr, g.mention(staff=True))("  ")(g.fdate(start - timedelta(days=g.ri(5, 30)), pc), "DATE")
    else:
        d("Hi ").p(mgr, "first")(",\nCould I take ")(g.fdate(start, pc, g.pick(["wd_d_month_y", "d_month", "month_d", "wd_ord_month", "ord_of_month"])), "DATE")
        d(" to ")(g.fdate(end, pc, g.pick(["d_month", "month_d", "d_month_y", "month_ord"])), "DATE")
        d(g.pick([" off? ", " as leave? "]))
        d(g.pick(["My daughter ", "My son ", "My partner "])).p(g.person(pc), "first")(g.pick([" is having surgery at ", " starts treatment at "]))
        d(g.pick(["St Luke's Hospital", "Royal Infirmary", "Mount Sinai", "Westmead Hospital", "Mater Private"]), "ORGANIZATION")
        d(" and I need to be there. ").p(g.person(pc), "first")(" has agreed to cover the reconciliations. I have ")
        d(f"{g.ri(3, 18)} days of leave left this year.\n\nThanks\n").p(emp, g.pick(["first", "full"]))
        d("\n(emp no ")(g.emp_id(), "ID")(")")
    return d


def t_reference(g):
    pc = g.pick(["UK", "US", "AU", "IE", "CA", "SG", "NL"])
    d = Doc()
    cand = g.person(pc)
    ref = g.person(pc)
    req = g.person(pc)
    old = g.employer(pc)
    new = g.employer(pc)
    if g.chance(0.5):
        d("From: ").p(req, "full")(" <")(g.email(req, pc, g.org_domain(new, pc)), "EMAIL")(">\nSubject: Reference request - ")
        d(cand.render("full"), "PERSON")("\n\nDear ").p(ref, "last", title=ref.title(g.r))(",\n")
        d.p(cand, "full")(" has given your name as referee for the role of {} at ".format(g.pick(["Payroll Administrator", "Claims Handler", "Credit Analyst", "HR Adviser"])))
        d(new, "ORGANIZATION")(". Could you confirm dates of employment at ")(old, "ORGANIZATION")
        d(" (we have ")(g.fdate(g.day(2015, 2019), pc), "DATE")(" to ")(g.fdate(g.day(2020, 2024), pc), "DATE")
        d(f"), last salary and whether you would re-employ? The candidate's date of birth is ")(g.fdate(g.dob(22, 60), pc), "DATE")
        d(" for identification.\n\nRegards,\n").p(req, g.pick(["full", "first"]))("\nTalent Acquisition, ")(g.phone(pc), "PHONE")
    else:
        d(old, "ORGANIZATION")("\n")(g.fdate(g.recent(), pc, g.pick(["d_month_y", "month_d_y"])), "DATE")("\n\nTo whom it may concern,\n\n")
        d("I confirm that ").p(cand, g.pick(["full", "full_middle"]), title=cand.title(g.r))(f" (employee number ")(g.emp_id(), "ID")
        d(") was employed by us as a ")(g.pick(["mortgage adviser", "senior underwriter", "branch manager", "payroll officer"]))(" from ")
        d(g.fdate(g.day(2014, 2019), pc, g.pick(["d_month_y", "month_d_y"])), "DATE")(" until ")(g.fdate(g.day(2020, 2024), pc, g.pick(["d_month_y", "month_d_y"])), "DATE")
        d(". ").p(cand, "first")
        d(" was reliable and well liked; sickness absence was low. This reference is given in confidence to ")(new, "ORGANIZATION")(".\n\n")
        d("Yours faithfully,\n").p(ref, "full")("\nHead of HR\n")(g.email(ref, pc, g.org_domain(old, pc)), "EMAIL")
    return d


def t_disciplinary(g):
    pc = g.pick(["UK", "UK", "US", "AU", "IE", "CA", "ZA"])
    d = Doc()
    emp = g.person(pc)
    hr = g.person(pc)
    chair = g.person(pc)
    wit = g.person(pc)
    mdate = g.recent()
    d("CONFIDENTIAL - Disciplinary hearing notes\n")
    d("Employee: ").p(emp, g.pick(["full", "caps_last_first", "last_comma_initial"]))("  (payroll no. ")(g.emp_id(), "ID")(")\n")
    d("Date: ")(g.fdate(mdate, pc), "DATE")(f"   Time: {g.time()}\n")
    d("Chair: ").p(chair, g.mention())("; HR: ").p(hr, g.mention())
    d("; companion: ").p(g.person(pc), g.mention())(" (union rep)\n")
    d(g.pick(["Allegation: ", "Issue: "]))
    d(g.pick(["repeated unauthorised overrides of the payment limit on the ", "sharing customer data outside the bank via personal e-mail on ",
              "falsifying overtime claims on ", "abusive language towards a colleague on "]))
    d(g.fdate(mdate - timedelta(days=g.ri(10, 60)), pc, g.pick(["d_month", "month_d", "dmy0", "d_mon"])), "DATE")(". ")
    d("Witness statement from ").p(wit, g.pick(["full", "first", "last"]), title=(wit.title(g.r) if g.chance(0.3) else None))(" read out. ")
    d.p(emp, g.pick(["first", "last"]))
    d(g.pick([" accepted the facts but said the system was down.", " denied the allegation.", " apologised and cited stress at home."]))
    d(f" Outcome: {g.pick(['first written warning, live for 12 months', 'final written warning', 'no case to answer', 'adjourned pending investigation'])}. ")
    d("Letter to be sent to ")(g.address(pc, with_country=False)["full"], "ADDRESS")(".")
    return d


def t_payslip(g):
    pc = g.pick(["UK", "UK", "IE", "AU", "ZA", "SG", "IN", "NL"])
    d = Doc()
    emp = g.person(pc)
    org = g.employer(pc)
    pdate = g.recent()
    d(org, "ORGANIZATION")(" - PAYSLIP\n")
    d("Name: ").p(emp, g.pick(["caps_full", "caps_last_first", "full", "initials_last"]))
    d("    Emp No: ")(g.emp_id(), "ID")("\n")
    if pc == "UK":
        d("NI Number: ")(g.nino(), "ID")(f"   Tax code: {g.pick(['1257L', '1257L W1', 'BR', 'K120', 'S1257L', 'C1257L'])}\n")
    elif pc == "IE":
        d("PPSN: ")(g.ppsn(), "ID")(f"   Tax credits: €{g.ri(150, 400)}.00 wk\n")
    elif pc == "AU":
        d("TFN: ")(g.tfn(), "ID")(f"   Super fund: {g.pick(['AustralianSuper', 'REST', 'HESTA', 'UniSuper'])} member ")(g.member_no(), "ID")("\n")
    elif pc == "ZA":
        lab, v, typ = g.natid(pc, emp, g.dob(22, 60))
        d("ID No: ")(v, typ)("   Income tax ref: ")(g.pick("0123") + g.digits(9), "ID")("\n")
    elif pc == "SG":
        d("NRIC: ")(g.nric(), "ID")(f"   CPF contrib: S${g.ri(200, 1800)}.00\n")
    elif pc == "IN":
        d("PAN: ")(g.pan(emp), "ID")("   UAN: ")(g.digits(12), "ID")("\n")
    else:
        d("BSN: ")(g.bsn(), "ID")("\n")
    d("Pay date: ")(g.fdate(pdate, pc), "DATE")(f"   Period: {g.ri(1, 12):02d}   Tax year {pdate.year}/{(pdate.year + 1) % 100:02d}\n")
    basic = g.r.uniform(1800, 6500)
    d(f"Basic pay {PROFILES[pc]['cur']}{basic:,.2f} | Overtime {PROFILES[pc]['cur']}{g.r.uniform(0, 600):,.2f} | Tax {PROFILES[pc]['cur']}{basic * 0.2:,.2f} | Pension {PROFILES[pc]['cur']}{basic * 0.05:,.2f}\n")
    d(f"Net pay {PROFILES[pc]['cur']}{basic * 0.72:,.2f} paid to account ")
    if pc in ("UK",):
        d(f"{g.sort_code()} / ")(g.uk_account(), "ID")
    elif pc in ("IE", "NL"):
        d(g.iban(pc if pc == "IE" else "NL"), "IBAN")
    else:
        d(g.acct(pc), "ID")
    d("\n")(g.address(pc)["full"], "ADDRESS")
    if g.chance(0.3):
        d("\nView online: ")(f"https://payslips.{g.org_domain(org, pc)}", "URL")
    return d


def t_w2(g):
    d = Doc()
    emp = g.person("US")
    er = g.employer("US")
    a = g.address("US", with_country=False)
    ea = g.address("US", with_country=False)
    d(f"Form W-2 Wage and Tax Statement {g.ri(2021, 2024)} (extract)\n")
    d("a  Employee's social security number: ")(g.ssn(), "SSN")("\n")
    d(f"b  Employer identification number (EIN): {g.digits(2)}-{g.digits(7)}\n")
    d("c  Employer's name, address: ")(er, "ORGANIZATION")(", ")(ea["full"], "ADDRESS")("\n")
    d(f"d  Control number: {g.digits(5)}-{g.letters(3)}\n")
    d("e  Employee's first name and initial / last name: ")
    if emp.middle and g.chance(0.5):
        d(f"{emp.given} {emp.middle[0]}", "PERSON")(" / ")(emp.surname, "PERSON")
    else:
        d(emp.given.upper(), "PERSON")(" / ")(emp.surname.upper(), "PERSON")
    d("\nf  Employee's address and ZIP code: ")(a["full"], "ADDRESS")
    w = g.r.uniform(31000, 185000)
    d(f"\n1  Wages, tips, other comp.: {w:,.2f}   2  Federal income tax withheld: {w * 0.14:,.2f}")
    d("\n15 State ")(a["state"], "STATE")(f"  Employer's state ID no. {g.digits(9)}")
    return d


def t_p60(g):
    d = Doc()
    emp = g.person("UK")
    er = g.employer("UK")
    y = g.ri(2021, 2024)
    d("P60 End of Year Certificate - Tax year to ")(f"5 April {y + 1}", "DATE")("\n")
    d("Employee's details\nSurname: ")(emp.surname.upper() if g.chance(0.5) else emp.surname, "PERSON")
    d("   Forenames or initials: ")(emp.given if g.chance(0.75) else emp.given[0], "PERSON")
    d("\nNational Insurance number: ")(g.nino(), "ID")("   Works/payroll number: ")(g.emp_id(), "ID")
    d(f"\nPay in this employment: £{g.r.uniform(18000, 95000):,.2f}   Tax deducted: £{g.r.uniform(1500, 25000):,.2f}")
    d(f"\nFinal tax code: {g.pick(['1257L', '1257L', 'K497', 'BR', 'D0'])}")
    d("\nEmployer: ")(er, "ORGANIZATION")(f"   PAYE reference: {g.ri(100, 999)}/{g.letters(2)}{g.digits(5)}")
    d("\nIssued ")(g.fdate(date(y + 1, 5, g.ri(1, 31)), "UK", g.pick(["dmy0", "d_month_y"])), "DATE")
    d(". Keep this certificate in a safe place. Queries to ").p(g.person("UK"), "full")(", payroll, ")
    d(g.phone("UK"), "PHONE")(".")
    return d


def t_tfn(g):
    d = Doc()
    emp = g.person("AU")
    dob = g.dob(18, 66)
    a = g.address("AU", with_country=False)
    d("Tax file number declaration (extract)\n1 What is your tax file number (TFN)? ")(g.tfn(), "ID")
    d("\n2 Title: " + emp.title(g.r) + "  Surname or family name: ")(emp.surname, "PERSON")
    d("\n  First given name: ")(emp.given, "PERSON")
    if emp.middle:
        d("  Other given names: ")(emp.middle, "PERSON")
    d("\n4 Your home address in Australia: ")(a["line1"], "ADDRESS")
    d("\n  Suburb/town/locality: ")(a["city"], "CITY")("  State/territory: ")(a["state"], "STATE")("  Postcode: ")(a["zip"], "ZIP")
    d("\n6 Date of birth: ")(g.fdate(dob, "AU", "dmy0"), "DATE")
    d(f"\n7 On what basis are you paid? {g.pick(['Full-time', 'Part-time', 'Casual'])}   8 Are you an Australian resident for tax purposes? Yes")
    d(f"\nPayer ABN: {g.digits(2)} {g.digits(3)} {g.digits(3)} {g.digits(3)}  Payer: ")(g.employer("AU"), "ORGANIZATION")
    d("\nSigned ")(g.fdate(g.recent(), "AU", "dmy0"), "DATE")
    return d


def t_rtw(g):
    pc = g.pick(["UK", "UK", "US", "AU", "IE", "NL", "CA"])
    d = Doc()
    home = g.profile()
    c = g.person(home)
    hr = g.person(pc)
    d("Right to work / pre-employment check\nCandidate: ").p(c, g.pick(["caps_last_first", "full", "last_comma_first"]))
    d("\nNationality: ")(g.nationality(c), "NRP")("   DOB: ")(g.fdate(g.dob(21, 60), pc), "DATE")
    d("\nPassport no: ")(g.passport(home), "ID")(" (issued ")(g.fdate(g.day(2016, 2023), pc), "DATE")(")")
    if pc == "UK":
        d(f"\nBRP: ")(f"{g.letters(2)}{g.digits(7)}", "ID")(" - checked online at ")(g.pick(["https://www.gov.uk/view-right-to-work", "https://www.gov.uk/prove-right-to-work"]), "URL")
        d(", visa valid until ")(g.fdate(g.day(2026, 2029), pc), "DATE")
    elif pc == "US":
        d("\nI-9 List A: permanent resident card ")(f"{g.letters(3)}{g.digits(10)}", "ID")(", A-number ")(f"A{g.digits(9)}", "ID")
    else:
        d("\nResidence permit ")(f"{g.letters(2)}{g.digits(7)}", "ID")(" valid to ")(g.fdate(g.day(2026, 2029), pc), "DATE")
    lab, v = g.driving_licence(pc, c, g.dob(21, 60))
    d(f"\nAlso seen: {lab} ")(v, "ID")
    d("\nPrevious address abroad: ")(g.address(home, with_country=True)["full"], "ADDRESS")
    d("\nScreening vendor order no. " + g.digits(12) + " - clear.\nChecked by ").p(hr, g.mention())
    d(" on ")(g.fdate(g.recent(), pc), "DATE")
    return d


def t_expense(g):
    pc = g.pick(["UK", "US", "SG", "AU", "DE", "IE"])
    d = Doc()
    emp = g.person(pc)
    card, last4, brand = g.card(g.pick(["visa", "mc", "amex"]))
    appr = g.person(pc)
    d("Expense claim ")(f"EXP-{g.digits(6)}")(" | ").p(emp, g.pick(["full", "last_comma_first", "initial_last"]))(" | " + g.lab("emp"))(g.emp_id(), "ID")
    d(f"\nCorporate card ({brand.upper()}) ending {last4}\n")
    for _ in range(g.ri(2, 3)):
        d(g.fdate(g.recent(), pc, g.pick(["dmy0", "iso", "d_mon"])), "DATE")(" ")(g.pick(["Hotel", "Taxi", "Client dinner", "Train", "Flight"]))
        d(f" {g.amount(pc, 12, 480)} ")(g.pick(MERCHANTS), "ORGANIZATION")(f" receipt #{g.digits(6)}\n")
    if g.chance(0.6):
        d("Personal card used in error: ")(g.card()[0], "CREDIT_CARD")(" - please reimburse to this card.\n")
    d("Guests: ").p(g.person(pc), g.mention())(" (")(g.employer(pc), "ORGANIZATION")(")\nApproved by ").p(appr, g.pick(["first", "full", "initial_last"]))
    return d


TEMPLATES_2 = [t_hr_onboard, t_payroll_query, t_leave, t_reference, t_disciplinary, t_payslip, t_w2, t_p60, t_tfn,
               t_rtw, t_expense]


ISINS = ["GB00BH4HKS39", "US0378331005", "DE0007164600", "GB0002634946", "US5949181045", "NL0010273215",
         "FR0000121014", "IE00B4L5Y983", "GB00B03MLX29", "US88160R1014"]
TICKERS = ["VOD", "AAPL", "SAP", "BARC", "MSFT", "ASML", "TSLA", "LLOY", "HSBA", "AZN", "NVDA"]


def chat_line(d, g, ts, who, form="lower_full"):
    d(f"[{ts}] ")(who.render(form), "PERSON")(": ")


def t_broker_chat(g):
    pc = g.pick(["UK", "US", "SG", "CN", "IE", "AU"])
    d = Doc()
    a = g.person(pc)
    b = g.person(pc)
    cl = g.person(g.profile())
    fa = g.pick(["lower_first", "lower_full", "lower_first"])
    fb = g.pick(["lower_first", "lower_full"])
    h, m = g.ri(7, 16), g.ri(0, 50)
    ts = lambda k: f"{h:02d}:{m + k:02d}"
    chat_line(d, g, ts(0), a, fa)
    d(g.pick(["mornin, ", "gm ", "yo ", "hey "]))("u see the wire frm ")(cl.render(g.pick(["lower_last", "lower_full"])), "PERSON")
    d(g.pick(["? cl wants it out b4 cob\n", " acct? pls chase\n", "?? still pending\n"]))
    chat_line(d, g, ts(1), b, fb)
    d("yeah acct ")(g.acct(pc) if g.chance(0.6) else g.cust_id(), "ID")(" stuck w compliance, ")
    d(("he " if cl.gender == "m" else "she ") if g.chance(0.8) else "they ")("sent new id - pp ")(g.passport(g.profile()), "ID")("\n")
    chat_line(d, g, ts(2), a, fa)
    d(f"ok. buy {g.ri(1, 50)}k {g.pick(TICKERS)} @ {g.r.uniform(20, 400):.1f} for acct ")(g.acct(pc), "ID")(f" pls, isin {g.pick(ISINS)}\n")
    chat_line(d, g, ts(3), b, fb)
    d("done. conf sent to ")(g.email(cl, g.profile()).lower(), "EMAIL")("\n")
    if g.chance(0.6):
        chat_line(d, g, ts(5), g.person(pc), "lower_first")
        dob = g.dob(30, 80)
        d("fyi ")(cl.render("lower_last"), "PERSON")("s dob on file ")(g.fdate(dob, pc, "dmy2"), "DATE")
        d(" doesnt match passport ")(g.fdate(dob + timedelta(days=365), pc, "dmy0"), "DATE")(" need to fix b4 settlement")
    else:
        chat_line(d, g, ts(6), a, fa)
        d("ty. cl mob if needed ")(g.phone(pc), "PHONE")(" - dont call after 6 " + ("hes" if cl.gender == "m" else "shes") + " in ")(g.pick(["dubai", "hk", "zurich", "lagos", "mumbai"]), "CITY")
    return d


def t_call(g):
    pc = g.pick(["UK", "UK", "US", "US", "AU", "CA", "IE", "ZA", "IN"])
    d = Doc()
    ag = g.person(pc)
    cu = g.person(pc)
    v = g.ri(0, 2)
    org = g.pick(INSURERS[:14]) if v == 0 else g.bank(pc)
    t = [0, g.ri(3, 6)]
    def ts():
        t[1] += g.ri(3, 12)
        return f"[00:{t[1] // 60:02d}:{t[1] % 60:02d}] "
    d(ts() + "AGENT: thank you for calling ")(org.lower(), "ORGANIZATION")(" you're speaking with ")(ag.render("lower_first"), "PERSON")
    d(" how can i help\n")
    if v == 0:
        rel = g.person(pc, culture=cu.culture, gender="m")
        rel.surname = cu.surname
        d(ts() + "CALLER: hi yeah um im calling about my dads policy he passed away last week his name was ")(rel.render("lower_full"), "PERSON")
        d("\n" + ts() + "AGENT: im so sorry for your loss can i take the policy number\n" + ts() + "CALLER: ")
        pol = g.policy_no()
        if g.chance(0.5):
            d("its ")(pol.lower(), "ID")
        else:
            d("its " + spoken_digits(pol, g.r))
        d("\n" + ts() + "AGENT: and his date of birth\n" + ts() + "CALLER: ")
        dob = g.day(1926, 1934)
        d(g.spoken_date(dob), "DATE")(" he was ")(str(g.ri(90, 98)), "AGE")
        d("\n" + ts() + "AGENT: thank you and who am i speaking with\n" + ts() + "CALLER: ")(cu.render("lower_full"), "PERSON")
        d(" im his " + ("son" if cu.gender == "m" else "daughter") + " and the executor")
    elif v == 1:
        d(ts() + "CALLER: hi its ")(cu.render("lower_full"), "PERSON")(" ive been locked out of my online banking\n")
        d(ts() + "AGENT: no problem ")(cu.render("lower_first"), "PERSON")(" can you confirm your date of birth\n" + ts() + "CALLER: ")
        dob = g.dob(25, 75)
        if g.chance(0.5):
            d(g.spoken_date(dob), "DATE")
        else:
            d(g.fdate(dob, pc, g.pick(["month_d_y", "d_month_y"])).lower().replace(",", ""), "DATE")
        d("\n" + ts() + "AGENT: and the first line of your address\n" + ts() + "CALLER: ")
        a = g.address(pc, with_country=False)
        d(a["line1"].lower().replace(",", ""), "ADDRESS")
        d("\n" + ts() + "AGENT: and the account number\n" + ts() + "CALLER: " + spoken_digits(g.acct(pc), g.r))
        d("\n" + ts() + "AGENT: thanks ive reset it youll get a text to the mobile ending " + spoken_digits(g.digits(3), g.r))
    else:
        d(ts() + "CALLER: yeah hi my card was declined at ")(g.pick(MERCHANTS).lower(), "ORGANIZATION")(" this morning\n")
        d(ts() + "AGENT: sorry to hear that whats your name please\n" + ts() + "CALLER: ")(cu.render("lower_full"), "PERSON")
        d("\n" + ts() + "AGENT: and the long card number\n" + ts() + "CALLER: ")
        card, last4, _ = g.card("visa")
        if g.chance(0.5):
            d(card.replace("-", " "), "CREDIT_CARD")
        else:
            d(spoken_digits(card, g.r))
        d("\n" + ts() + "AGENT: i can see a fraud block placed on ")
        d(g.spoken_date(g.recent()), "DATE")(" ill put you through to ")(g.person(pc).render("lower_first"), "PERSON")(" in the fraud team")
    return d


def t_csv(g):
    pc = g.pick(["UK", "US", "NL", "DE", "ES", "IT", "BR", "AU", "PL", "SE"])
    d = Doc()
    v = g.ri(0, 3)
    if v == 0:
        d("customer_id,last_name,first_name,dob,email,phone,iban\n")
        for _ in range(g.ri(2, 3)):
            p = g.person(pc)
            d(g.cust_id(), "ID")(",")(p.surname, "PERSON")(",")(p.given, "PERSON")(",")
            d(g.fdate(g.dob(), pc, "iso"), "DATE")(",")(g.email(p, pc), "EMAIL")(",")(g.phone(pc), "PHONE")(",")
            d(g.iban(grouped=False), "IBAN")("\n")
    elif v == 1:
        d("emp_id;name;national_id;dept;start_date;salary\n")
        for _ in range(g.ri(3, 4)):
            p = g.person(pc)
            dob = g.dob(22, 60)
            lab, val, typ = g.natid(pc, p, dob)
            d(g.emp_id(), "ID")(";")(p.render(g.pick(["full", "last_comma_first", "caps_full"])).replace(";", " "), "PERSON")(";")
            d(val, typ)(f";{g.pick(['FIN', 'OPS', 'HR', 'IT', 'CLAIMS'])};")(g.fdate(g.day(2010, 2024), pc, "iso"), "DATE")
            d(f";{g.ri(28, 140) * 1000}\n")
    elif v == 2:
        d("policy_no|holder|postcode|premium|renewal\n")
        for _ in range(g.ri(3, 4)):
            p = g.person(pc)
            a = g.address(pc, with_country=False)
            d(g.policy_no(), "ID")("|")(p.render(g.pick(["caps_last_first", "full", "initial_last"])), "PERSON")("|")
            d(a["zip"], "ZIP")(f"|{g.r.uniform(90, 2400):.2f}|")(g.fdate(g.day(2024, 2026), pc, "dmy0"), "DATE")("\n")
    else:
        d("txn_id,posted,card_number,amount,merchant,status,cardholder\n")
        for _ in range(g.ri(2, 3)):
            p = g.person(pc)
            card, last4, _ = g.card()
            d(f"TX{g.digits(10)},")(g.fdate(g.recent(), pc, "iso"), "DATE")(",")
            if g.chance(0.5):
                d(card.replace(" ", "").replace("-", ""), "CREDIT_CARD")
            else:
                d(f"************{last4}")
            d(f",{g.r.uniform(3, 900):.2f},")(g.pick(MERCHANTS), "ORGANIZATION")(f",{g.pick(['SETTLED', 'DISPUTED', 'PENDING'])},")
            d(p.render("caps_full"), "PERSON")("\n")
    return d


def t_kv_log(g):
    pc = g.profile()
    d = Doc()
    p = g.person(pc)
    n = g.ri(2, 3)
    base = g.recent()
    for i in range(n):
        day = base if i == 0 or g.chance(0.7) else base + timedelta(days=1)
        if g.chance(0.6):
            d(g.fdate(day, pc, "iso"), "DATE")(f"T{g.ri(0, 23):02d}:{g.ri(0, 59):02d}:{g.ri(0, 59):02d}Z ")
        else:
            d("ts=")(g.fdate(day, pc, "iso"), "DATE")(f" {g.ri(0, 23):02d}:{g.ri(0, 59):02d}:{g.ri(0, 59):02d} ")
        ev = g.pick(["login_failed", "login_ok", "payee_added", "limit_change", "card_replaced", "otp_sent"])
        d(f"level={g.pick(['INFO', 'WARN'])} svc={g.pick(['auth', 'payments', 'cards', 'mobile-api'])} event={ev} ")
        d("uid=")(g.digits(8), "ID")(" ")
        r = g.ri(0, 3)
        if r == 0:
            d("email=")(g.email(p, pc), "EMAIL")(" ")
        elif r == 1:
            d('name="')(p.render(g.pick(["full", "caps_full"])), "PERSON")('" ')
        elif r == 2:
            d("acct=")(g.acct(pc) if pc not in ("DE", "NL", "ES", "IT", "PL", "SE", "IE") else g.iban(pc, grouped=False),
                       "ID" if pc not in ("DE", "NL", "ES", "IT", "PL", "SE", "IE") else "IBAN")(" ")
        else:
            d("msisdn=")(g.phone(pc).replace(" ", ""), "PHONE")(" ")
        d("ip=")(g.ip(), "IP_ADDRESS")
        if g.chance(0.4):
            d(" imei=")(g.imei().replace("-", "").replace(" ", ""), "ID")
        d(f" req_id={g.uetr()[:18]} latency_ms={g.ri(12, 900)}\n")
    return d


def t_beneficiary(g):
    pc = g.pick(["UK", "UK", "IE", "AU", "CA", "US", "ZA"])
    d = Doc()
    m = g.person(pc)
    ins = g.pick(["Northbridge Life & Pensions", "Ashgrove Life", "Legal & General", "Aviva", "Manulife", "Sun Life", "Old Mutual", "MetLife"])
    d(ins, "ORGANIZATION")(" - " + g.pick(["Expression of wish form", "Beneficiary nomination", "Death benefit nomination"]) + "\n")
    d("Member: ").p(m, g.pick(["full", "caps_last_first", "full_middle"]))("   " + g.lab("member"))(g.member_no(), "ID")
    d("\nDate of birth: ")(g.fdate(g.dob(40, 75), pc), "DATE")
    if pc in ("UK", "IE", "CA", "US"):
        d("   ")
        natid_piece(d, g, pc, m, g.dob(40, 75))
    d("\nBeneficiaries:\n")
    shares = g.pick([(60, 40), (50, 50), (70, 30), (100,)])
    rels = ["spouse", "civil partner", "son", "daughter", "grandson", "niece", "partner"]
    for sh in shares:
        b = g.person(pc)
        d(" - ").p(b, g.pick(["full", "full", "caps_full"]))(f" ({g.pick(rels)}), {sh}%, born ")(g.fdate(g.dob(5, 70), pc), "DATE")("\n")
    mo = g.person(pc, culture=m.culture, gender="f")
    d("Note: member also wishes ").p(mo, "full")(", " + g.pick(["his", "her"]) + " mother, aged ")(str(g.ri(90, 104)), "AGE")
    d(", to receive any discretionary lump sum; she lives at ")(g.address(pc, with_country=False)["full"], "ADDRESS")(".")
    d("\nSigned ")(g.fdate(g.recent(), pc), "DATE")
    return d


def t_poa(g):
    pc = g.pick(["UK", "UK", "IE", "AU", "CA", "US"])
    d = Doc()
    donor = g.person(pc)
    att = g.person(pc, culture=donor.culture)
    att.surname = donor.surname if g.chance(0.6) else att.surname
    bank = g.bank(pc)
    d(bank, "ORGANIZATION")(" - Bereavement & Power of Attorney team\nCase note " + g.case_ref("POA") + "\n")
    d("Registered a " + g.pick(["lasting power of attorney (property & financial affairs)", "enduring power of attorney", "durable POA"]) + " for ")
    d.p(donor, g.pick(["full", "last"]), title=donor.title(g.r, formal=True))(", aged ")(str(g.ri(90, 101)), "AGE")
    d(", " + g.lab("acct").lower())(g.acct(pc), "ID")(". Attorney: ").p(att, g.pick(["full", "full_middle"]))(" (")
    d(g.pick(["son", "nephew", "grandson"] if att.gender == "m" else ["daughter", "niece", "granddaughter"]) + "), ")(g.phone(pc), "PHONE")(", ")(g.email(att, pc), "EMAIL")
    d(". Donor now resides at ")(g.pick(["Elmhurst", "Rosewood", "Cedar Lodge", "Oakridge"]) + " Care Home", "ORGANIZATION")(", ")
    d(g.address(pc, with_country=False)["full"], "ADDRESS")(". Certified copy seen, dated ")(g.fdate(g.day(2019, 2024), pc), "DATE")
    d(". ").p(att, "first")(g.pick([" asked for statements to be redirected.", " wants the ISA moved to an easy-access account.", " reported a suspicious cheque for " + g.amount(pc, 500, 6000) + "."]))
    d(" Handled by ").p(g.person(pc), g.mention(staff=True))(".")
    return d


def t_dispute(g):
    pc = g.pick(["UK", "US", "AU", "CA", "IE", "SG", "IN"])
    d = Doc()
    c = g.person(pc)
    card, last4, brand = g.card(g.pick(["visa", "mc", "amex"]))
    bank = g.bank(pc)
    a = g.address(pc)
    d.p(c, "full")("\n")(a["full"], "ADDRESS")("\n")(g.email(c, pc), "EMAIL")("\n\n")(g.fdate(g.recent(), pc, g.pick(["d_month_y", "month_d_y"])), "DATE")
    d("\n\nCard Disputes, ")(bank, "ORGANIZATION")("\n\nDear Sir or Madam,\n\nI dispute a charge of ")(g.amount(pc, 40, 2500))
    d(" on my " + brand.upper() + " card number ")(card, "CREDIT_CARD")(" posted on ")(g.fdate(g.recent(), pc), "DATE")
    d(" by ")(g.pick(MERCHANTS), "ORGANIZATION")(g.pick([". I cancelled the order ", ". The goods never arrived despite chasing ", ". I did not authorise this transaction; I was in hospital "]))
    d("on ")(g.fdate(g.recent(), pc, g.pick(["d_month", "month_d", "ord_of_month", "d_mon"])), "DATE")
    d(f". Order {g.invoice()}. Please refund to the same card.\n\nYours faithfully,\n").p(c, g.mention())
    return d


def t_aml(g):
    pc = g.profile()
    d = Doc()
    c = g.person(pc)
    hit = g.person(culture=c.culture)
    dob = g.dob(25, 75)
    d(f"SCREENING ALERT  alert id {g.digits(9)}  list: {g.pick(['OFAC SDN', 'UN Consolidated', 'UK HMT', 'EU FSF', 'Internal PEP'])}\n")
    d("Customer: ").p(c, g.pick(["caps_full", "caps_last_first", "full"]))("  (" + g.lab("cust"))(g.cust_id(), "ID")(")\n")
    d("DOB: ")(g.fdate(dob, pc), "DATE")("   Nationality: ")(g.nationality(c), "NRP")("   Residence: ")(g.pick(PROFILES[pc]["country"]), "COUNTRY")
    d("\nList entry: ")(hit.render("caps_full"), "PERSON")(f" (score {g.ri(71, 96)}%), year of birth {dob.year + g.ri(-3, 3)}, place of birth ")
    d(g.pick(["Tehran", "Aleppo", "Caracas", "Minsk", "Mogadishu", "Kandahar", "Benghazi", "Pyongyang", "Rostov-on-Don"]), "CITY")
    d("\nDecision: " + g.pick(["false positive", "discounted", "escalated to MLRO"]) + " - ")
    d(g.pick(["DOB and nationality mismatch; customer passport ", "different middle name; customer ID doc "]))(g.passport(pc), "ID")
    d(" verified. Analyst: ").p(g.person(pc), g.pick(["initial_last", "full", "lower_full"]))(", ")(g.fdate(g.recent(), pc), "DATE")
    return d


def t_crs(g):
    pc = g.pick(["UK", "NL", "DE", "ES", "IT", "BR", "MX", "PL", "SE", "SG", "IN", "ZA", "KR", "CN", "CA", "US"])
    d = Doc()
    p = g.person(pc)
    dob = g.dob(20, 80)
    birth_pc = g.profile() if g.chance(0.4) else pc
    d("TAX RESIDENCY SELF-CERTIFICATION (INDIVIDUAL)\n")
    d("Name: ").p(p, g.pick(["full", "caps_full", "last_comma_first"]))("\nDate of birth: ")(g.fdate(dob, pc), "DATE")
    d("\nCurrent residential address: ")(g.address(pc, with_country=True)["full"], "ADDRESS")
    a2 = g.address(birth_pc, with_country=False)
    d("\nTown/city of birth: ")(a2["city"], "CITY")("   Country of birth: ")(g.pick(PROFILES[birth_pc]["country"]), "COUNTRY")
    d("\nCountry of tax residence: ")(g.pick(PROFILES[pc]["country"]), "COUNTRY")("   TIN: ")
    lab, val, typ = g.natid(pc, p, dob)
    d(val, typ)(f" ({lab})")
    if g.chance(0.4):
        d("\nUS citizen or tax resident: " + g.pick(["No", "Yes - SSN "]))
        if d.text.endswith("SSN "):
            d(g.ssn(), "SSN")
    d("\nSigned ")(g.fdate(g.recent(), pc), "DATE")(" - ").p(p, g.mention())
    if g.chance(0.3):
        d("\nTIN formats: ")("https://www.oecd.org/tax/automatic-exchange/crs-implementation-and-assistance/tax-identification-numbers/", "URL")
    return d


def creditor_id(g, cc):
    nat = g.digits(11)
    s = nat + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in s)
    return f"{cc}{98 - int(num) % 97:02d}ZZZ{nat}"


def t_dd(g):
    pc = g.pick(["DE", "NL", "ES", "IT", "IE", "UK", "PL", "SE"])
    d = Doc()
    p = g.person(pc)
    org = g.pick(INSURERS[18:] + EMPLOYERS[:5] + ["Stadtwerke Köln", "Vattenfall", "Eneco", "Iberdrola", "Enel Energia"])
    d("SEPA Direct Debit Mandate\nCreditor: ")(org, "ORGANIZATION")
    d(f"\nCreditor identifier: {creditor_id(g, g.pick(['DE', 'NL', 'ES', 'IT', 'IE']))}")
    d(f"\nMandate type: {g.pick(['recurrent', 'one-off'])}\n")
    d("Debtor name: ").p(p, g.pick(["full", "caps_full", "last_comma_first"]))
    a = g.address(pc, with_country=False)
    d("\nStreet and number: ")(a["line1"], "ADDRESS")
    d("\nPostcode: ")(a["zip"], "ZIP")("   City: ")(a["city"], "CITY")("   Country: ")(g.pick(PROFILES[pc]["country"]), "COUNTRY")
    d("\nIBAN: ")(g.iban(pc if pc != "SE" else None), "IBAN")(f"   BIC: {g.pick(BICS)}")
    if g.chance(0.5):
        d("\nCustomer/contract no.: ")(g.policy_no() if org in INSURERS else g.cust_id(), "ID")
    d("\nPlace: ")(a["city"], "CITY")("   Date: ")(g.fdate(g.recent(), pc), "DATE")
    d("\nSignature: ").p(p, g.mention())
    return d


def t_underwriting(g):
    pc = g.pick(["UK", "IE", "AU", "CA", "US", "SG", "ZA"])
    d = Doc()
    ap = g.person(pc)
    gp = g.person(pc)
    uw = g.person(pc)
    d(g.pick(INSURERS[-6:]), "ORGANIZATION")(" - life underwriting referral\n")
    d("Proposal " + g.case_ref("PRP") + " for ").p(ap, g.pick(["full", "caps_last_first"]))
    d(", DOB ")(g.fdate(g.dob(25, 65), pc), "DATE")(f", age next birthday {g.ri(26, 66)}, sum assured {g.amount(pc, 100000, 750000)}.")
    d(" Non-smoker, BMI 31. Disclosed type 2 diabetes on metformin 500mg since " + str(g.ri(2012, 2022)) + ". ")
    d("GPR requested from Dr ").p(gp, g.pick(["last", "full", "initial_last"]))(" at ")
    d(g.pick(["Riverside Medical Practice", "Parkview Surgery", "Harbour Family Clinic", "Elm Tree Health Centre", "Kingsway Medical Group"]), "ORGANIZATION")
    d(" (fax ")(g.phone(pc), "PHONE")(") on ")(g.fdate(g.recent(), pc), "DATE")
    d(f". HbA1c 52 mmol/mol. Proposed rating +50%. Existing policy ")(g.policy_no(), "ID")
    d(" with us remains in force. UW: ").p(uw, g.pick(["initial_last", "full", "first"]))
    return d


def t_collections(g):
    pc = g.pick(["UK", "US", "AU", "ZA", "IE", "CA", "IN"])
    d = Doc()
    c = g.person(pc)
    sp = g.person(pc, culture=c.culture)
    sp.surname = c.surname
    ag = g.person(pc)
    d(f"COLLECTIONS CONTACT LOG - {g.time()} ")(g.fdate(g.recent(), pc), "DATE")("\n")
    d(g.lab("loan"))(g.loan_no(), "ID")("  Borrower: ").p(c, g.pick(["caps_last_first", "full", "last_comma_initial"]))
    d(f"  Arrears: {g.amount(pc, 300, 8000)} ({g.ri(1, 5)} payments missed)\n")
    d("Outbound call to ")(g.phone(pc), "PHONE")(". Spoke to ").p(sp, g.pick(["first", "full"]))
    d(" (").p(c, "first", poss=True)(" " + g.pick(["wife", "husband", "partner"]) + "), who said ").p(c, g.pick(["first", "last"]), title=(c.title(g.r) if g.chance(0.5) else None))
    d(g.pick([" lost his job at ", " has been signed off sick from ", " is on reduced hours at "]))(g.employer(pc), "ORGANIZATION")
    d(". Third party, so no account details disclosed. Left callback for ")(g.fdate(g.recent(), pc, g.pick(["wd_month_d", "wd_ord_month", "d_month", "month_d"])), "DATE")
    d(f". I&E form sent by e-mail to ")(g.email(c, pc), "EMAIL")(f". Agent ").p(ag, g.pick(["first", "initial_last"]))(" (agent ID ")(g.digits(4), "ID")(").")
    return d


TEMPLATES_3 = [t_broker_chat, t_call, t_csv, t_kv_log, t_beneficiary, t_poa, t_dispute, t_aml, t_crs, t_dd,
               t_underwriting, t_collections]


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------
WEIGHTS = {
    t_kyc: 20, t_loan_app: 16, t_mortgage: 14, t_wire: 16, t_bec: 12, t_claim: 18, t_policy_letter: 14,
    t_fraud_note: 18, t_hr_onboard: 18, t_payroll_query: 16, t_leave: 16, t_reference: 12, t_disciplinary: 12,
    t_payslip: 14, t_w2: 8, t_p60: 8, t_tfn: 6, t_rtw: 12, t_expense: 10, t_broker_chat: 18, t_call: 22,
    t_csv: 16, t_kv_log: 14, t_beneficiary: 10, t_poa: 8, t_dispute: 12, t_aml: 12, t_crs: 10, t_dd: 8,
    t_underwriting: 8, t_collections: 12,
}
assert set(WEIGHTS) == set(TEMPLATES_1 + TEMPLATES_2 + TEMPLATES_3)
MIN_LEN, MAX_LEN = 200, 700


def schedule(rng, n):
    pool = [t for t, w in WEIGHTS.items() for _ in range(w)]
    out = []
    while len(out) < n:
        batch = pool[:]
        rng.shuffle(batch)
        out.extend(batch)
    return out[:n]


def build(seed, n):
    g = Gen(seed)
    records, spans, kinds = [], [], []
    for i, tmpl in enumerate(schedule(random.Random(seed + 7), n)):
        for _attempt in range(50):
            g.doc_style = {}
            doc = tmpl(g)
            text = doc.text.rstrip()
            if MIN_LEN <= len(text) <= MAX_LEN:
                break
        else:
            raise RuntimeError(f"{tmpl.__name__}: could not hit length window")
        records.append({"id": f"{PREFIX}-{i + 1:04d}", "text": text})
        kinds.append(tmpl.__name__[2:])
        for s, e, t in doc.spans:
            spans.append({"record": i, "field": "text", "start": s, "end": e, "type": t})
    return records, spans, kinds, g


def self_check(records, spans):
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in records:
        assert r["id"].startswith(PREFIX + "-")
        assert MIN_LEN <= len(r["text"]) <= MAX_LEN, (r["id"], len(r["text"]))
    prev = None
    for sp in spans:
        assert sp["type"] in TYPES, sp
        assert sp["field"] == "text"
        text = records[sp["record"]]["text"]
        s, e = sp["start"], sp["end"]
        assert 0 <= s < e <= len(text), sp
        val = text[s:e]
        assert not val[0].isspace() and not val[-1].isspace(), (sp, val)
        if prev is not None:
            assert (prev["record"], prev["start"]) < (sp["record"], sp["start"]), "spans not sorted"
            if prev["record"] == sp["record"]:
                assert prev["end"] < s, ("overlapping/touching spans", prev, sp)
        prev = sp
        # format sanity for the checkable types
        if sp["type"] == "CREDIT_CARD":
            digits = "".join(c for c in val if c.isdigit())
            assert 13 <= len(digits) <= 19 and luhn_ok(digits), val
        elif sp["type"] == "IBAN":
            assert iban_ok(val), val
        elif sp["type"] == "SSN":
            assert len("".join(c for c in val if c.isdigit())) == 9, val
        elif sp["type"] == "AGE":
            assert val.isdigit() and int(val) >= 90, val


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--n", type=int, default=400)
    args = ap.parse_args(argv)

    records, spans, kinds, g = build(args.seed, args.n)
    self_check(records, spans)
    own, fk = g.name_sources["own"], g.name_sources["faker"]
    assert own * 3 >= own + fk, "at least a third of the names must come from the hand-typed lists"

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "records.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "pii_spans.jsonl"), "w", encoding="utf-8") as f:
        for sp in spans:
            f.write(json.dumps(sp, ensure_ascii=False) + "\n")

    # re-read and re-check what was written
    with open(os.path.join(args.out, "records.jsonl"), encoding="utf-8") as f:
        rr = [json.loads(l) for l in f]
    with open(os.path.join(args.out, "pii_spans.jsonl"), encoding="utf-8") as f:
        ss = [json.loads(l) for l in f]
    assert rr == records and ss == spans
    self_check(rr, ss)

    lens = [len(r["text"]) for r in records]
    print(f"records: {len(records)}  spans: {len(spans)}  chars min/mean/max: "
          f"{min(lens)}/{sum(lens) / len(lens):.0f}/{max(lens)}")
    print(f"person objects from hand-typed lists: {own}, from Faker: {fk} ({own / (own + fk):.0%} own)")
    print("spans per type:")
    for t, c in Counter(sp["type"] for sp in spans).most_common():
        print(f"  {t:13s} {c}")
    print("records per document kind:")
    for k, c in sorted(Counter(kinds).items()):
        print(f"  {k:15s} {c}")
    print("self-check passed")


if __name__ == "__main__":
    main()
