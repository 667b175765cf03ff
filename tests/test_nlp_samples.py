"""Our own short business bios, shared by the tests/test_nlp_* modules (no tests here).

Invented for these tests (no real business); each names what a search should find.
"""

from __future__ import annotations

EN_BIO = (
    "Family-run sourdough bakery in Ljubljana. Fresh sourdough bread, croissants and "
    "pastries baked daily 🥐 Order for pickup: www.bluedoor.example.com @bluedoor "
    "#VeganBakeryLjubljana #sourdough"
)
SL_BIO = (
    "Družinska pekarna v Ljubljani. Svež kruh z drožmi in domače pecivo vsak dan. "
    "V naši pekarni pečemo kruh v krušni peči."
)
UZ_LATIN_BIO = (
    "Toshkentdagi oilaviy novvoyxona. Har kuni yangi pishirilgan non va shirinliklar. "
    "Non buyurtma uchun qo'ng'iroq qiling!"
)
UZ_CYRILLIC_BIO = (
    "Тошкентдаги оилавий новвойхона. Ҳар куни янги пиширилган нон ва ширинликлар. "
    "Нон буюртма учун қўнғироқ қилинг!"
)
KK_BIO = (
    "Алматыдағы отбасылық наубайхана. Күн сайын жаңа піскен нан мен тоқаштар. "
    "Нан тапсырыс үшін хабарласыңыз."
)
SW_BIO = (
    "Duka la mikate la familia jijini Nairobi. Mkate mtamu na keki kila siku. Agiza mkate wako leo!"
)
FA_BIO = "نانوایی خانوادگی در تهران. نان تازه و شیرینی هر روز. سفارش نان آنلاین."
ZH_BIO = "上海的家庭面包店，每天新鲜出炉的酸面包和糕点。欢迎订购面包！"
