# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""`remove_boilerplate`: each kind of boilerplate line goes with its own reason, in the
page's language; article lines that merely contain a cue word stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Document, Reason
from newsclean.document import apply_edits
from newsclean.filters import remove_boilerplate
from newsclean.filters.boilerplate import MAX_RIGHTS_NOTICE_CHARS, MENU_SEPARATORS, holds_two_of, is_menu

# Two article sentences per language; a boilerplate line is put between them.
BODY = {
    "en": (
        "The coast road between Westhaven and Porthmoor closed at dawn on Tuesday.",
        "Engineers expect it to reopen by the weekend, the council said.",
    ),
    "de": (
        "Die Küstenstraße zwischen Westhafen und Portmoor wurde am Dienstag gesperrt.",
        "Die Stadt rechnet damit, dass sie am Wochenende wieder öffnet.",
    ),
    "fr": (
        "La route côtière entre Westhaven et Porthmoor a été fermée mardi à l'aube.",
        "Elle devrait rouvrir d'ici le week-end, selon la mairie.",
    ),
    "es": (
        "La carretera de la costa entre Westhaven y Porthmoor se cerró el martes al amanecer.",
        "El ayuntamiento espera reabrirla antes del fin de semana.",
    ),
    "ru": (
        "Прибрежную дорогу между Вестхейвеном и Портмуром перекрыли во вторник утром.",
        "По словам мэрии, движение восстановят к выходным.",
    ),
    "pl": (
        "Droga nadmorska między Westhaven a Porthmoor została zamknięta we wtorek rano.",
        "Urząd miasta spodziewa się, że zostanie otwarta do weekendu.",
    ),
    "el": (
        "Ο παραλιακός δρόμος έκλεισε την Τρίτη το πρωί λόγω κατολίσθησης.",
        "Ο δήμος αναμένει να ανοίξει ξανά μέχρι το Σαββατοκύριακο.",
    ),
    "zh": ("青岚市沿海公路周二清晨因山体滑坡封闭。", "市交通局表示，公路预计周末前恢复通行。"),
    "tr": (
        "Westhaven ile Porthmoor arasındaki sahil yolu salı sabahı trafiğe kapatıldı.",
        "Belediye, yolun hafta sonuna kadar yeniden açılmasını bekliyor.",
    ),
    "cs": (
        "Pobřežní silnice mezi Westhavenem a Porthmoorem byla v úterý ráno uzavřena.",
        "Radnice očekává, že se znovu otevře do víkendu.",
    ),
    "sv": (
        "Kustvägen mellan Westhaven och Porthmoor stängdes i gryningen på tisdagen.",
        "Kommunen räknar med att den öppnar igen till helgen.",
    ),
    "ar": (
        "أغلق الطريق الساحلي بين وستهافن وبورثمور فجر الثلاثاء بسبب انزلاق التربة.",
        "وتتوقع البلدية إعادة فتحه قبل نهاية الأسبوع.",
    ),
    "ro": (
        "Drumul de coastă dintre Westhaven și Porthmoor a fost închis marți în zori.",
        "Primăria se așteaptă ca acesta să fie redeschis până la sfârșitul săptămânii.",
    ),
    "hu": (
        "A Westhaven és Porthmoor közötti part menti utat kedden hajnalban lezárták.",
        "Az önkormányzat szerint a hét végéig újra megnyitják.",
    ),
    "vi": (
        "Con đường ven biển giữa Westhaven và Porthmoor bị đóng cửa vào rạng sáng thứ Ba.",
        "Chính quyền dự kiến con đường sẽ thông xe trở lại trước cuối tuần.",
    ),
    "hi": (
        "वेस्टहेवन और पोर्थमूर के बीच तटीय सड़क मंगलवार सुबह बंद कर दी गई।",
        "नगर परिषद को उम्मीद है कि सप्ताहांत तक सड़क फिर खुल जाएगी।",
    ),
}

# (page language, line as the page prints it, reason)
BOILERPLATE = [
    # audio widgets
    ("en", "Listen to this article", Reason.AUDIO_WIDGET),
    ("en", "Loading audio...", Reason.AUDIO_WIDGET),
    ("en", "Your browser does not support the audio element.", Reason.AUDIO_WIDGET),
    ("de", "Artikel anhören", Reason.AUDIO_WIDGET),
    ("fr", "Écouter cet article", Reason.AUDIO_WIDGET),
    ("es", "Escuchar este artículo", Reason.AUDIO_WIDGET),
    ("ru", "Слушать статью", Reason.AUDIO_WIDGET),
    ("pl", "Posłuchaj artykułu", Reason.AUDIO_WIDGET),
    ("el", "Ακούστε το άρθρο", Reason.AUDIO_WIDGET),
    ("zh", "语音播报", Reason.AUDIO_WIDGET),
    ("zh", "听新闻", Reason.AUDIO_WIDGET),
    ("en", "00:00 / 04:12", Reason.AUDIO_WIDGET),
    ("fr", "Chargement de l'audio…", Reason.AUDIO_WIDGET),
    ("es", "Escuchar noticia", Reason.AUDIO_WIDGET),
    ("zh", "音频加载中……", Reason.AUDIO_WIDGET),
    # inline teasers
    (
        "en",
        "Read more: Man charged after Westmoor bypass crash that left two injured",
        Reason.INLINE_TEASER,
    ),
    ("en", "Watch: CCTV shows moment thieves steal quad bike from farm", Reason.INLINE_TEASER),
    ("en", "» Related: Council sets budget for next year", Reason.INLINE_TEASER),
    ("de", "Lesen Sie auch: Stadtrat beschließt neue Parkgebühren", Reason.INLINE_TEASER),
    ("fr", "Lire aussi : Le festival de jazz affiche complet", Reason.INLINE_TEASER),
    ("es", "Lee también: Almarza bate su récord de temperatura", Reason.INLINE_TEASER),
    (
        "ru",
        "Читайте также: Суд обязал управляющую компанию выплатить компенсацию",
        Reason.INLINE_TEASER,
    ),
    ("pl", "Czytaj także: Siatkarki awansowały do I ligi", Reason.INLINE_TEASER),
    ("el", "Διαβάστε επίσης: Κλειστός ο παραλιακός δρόμος για έργα", Reason.INLINE_TEASER),
    ("zh", "延伸阅读：南岭地区今年入汛时间偏早", Reason.INLINE_TEASER),
    # share
    ("en", "Share this article", Reason.SHARE),
    ("en", "Share on Facebook", Reason.SHARE),
    ("en", "Tweet", Reason.SHARE),
    ("de", "Artikel teilen", Reason.SHARE),
    ("fr", "Partager sur Twitter", Reason.SHARE),
    ("es", "Compartir en WhatsApp", Reason.SHARE),
    ("ru", "Поделиться", Reason.SHARE),
    ("pl", "Udostępnij", Reason.SHARE),
    ("el", "Κοινοποίηση", Reason.SHARE),
    ("zh", "分享到", Reason.SHARE),
    # subscribe
    ("en", "Sign up to our daily newsletter", Reason.SUBSCRIBE),
    ("en", "Subscribe now", Reason.SUBSCRIBE),
    ("en", "Subscribe to the Westmoor Gazette on YouTube for the latest videos", Reason.SUBSCRIBE),
    ("en", "Stay up to date with Harbour Post. Subscribe to our newsletter.", Reason.SUBSCRIBE),
    ("en", "Get the latest updates right in your inbox. Sign up for our newsletters.", Reason.SUBSCRIBE),
    ("en", "Get breaking news alerts delivered every weekday morning.", Reason.SUBSCRIBE),
    (
        "en",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        Reason.FOOTER,
    ),
    ("de", "Jetzt abonnieren und weiterlesen", Reason.SUBSCRIBE),
    ("fr", "Abonnez-vous à notre newsletter", Reason.SUBSCRIBE),
    ("es", "Suscríbete a nuestro boletín", Reason.SUBSCRIBE),
    ("ru", "Подписывайтесь на наш канал в Telegram", Reason.SUBSCRIBE),
    ("pl", "Zapisz się do newslettera", Reason.SUBSCRIBE),
    ("el", "Εγγραφείτε στο newsletter μας", Reason.SUBSCRIBE),
    ("zh", "关注我们的微信公众号", Reason.SUBSCRIBE),
    # cookie and consent
    ("en", "We use cookies to give you the best experience on our website.", Reason.COOKIE),
    ("en", "Accept all cookies", Reason.COOKIE),
    ("de", "Wir verwenden Cookies, um Ihnen ein optimales Angebot zu machen.", Reason.COOKIE),
    ("fr", "Nous utilisons des cookies pour améliorer votre expérience.", Reason.COOKIE),
    (
        "es",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        Reason.COOKIE,
    ),
    ("ru", "Мы используем файлы cookie, чтобы сайт работал лучше.", Reason.COOKIE),
    ("pl", "Używamy plików cookie, aby zapewnić najlepsze wrażenia.", Reason.COOKIE),
    ("el", "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας.", Reason.COOKIE),
    ("zh", "本网站使用cookie以改善您的浏览体验。", Reason.COOKIE),
    # navigation
    ("en", "Home | News | Sport | Weather", Reason.NAVIGATION),
    ("en", "Skip to main content", Reason.NAVIGATION),
    ("en", "What's On", Reason.NAVIGATION),
    ("en", "Home > News > Local", Reason.NAVIGATION),
    ("en", "https://www.westmoorgazette.example/news", Reason.NAVIGATION),
    ("en", "coast-road-closure.jpg", Reason.NAVIGATION),
    ("de", "Startseite", Reason.NAVIGATION),
    ("fr", "Aller au contenu", Reason.NAVIGATION),
    ("es", "Ir al contenido", Reason.NAVIGATION),
    ("ru", "Главная", Reason.NAVIGATION),
    ("pl", "Strona główna", Reason.NAVIGATION),
    ("el", "Αρχική", Reason.NAVIGATION),
    ("zh", "当前位置：首页 > 新闻", Reason.NAVIGATION),
    # footer
    ("en", "© Westmoor Gazette 2022", Reason.FOOTER),
    ("en", "Privacy policy", Reason.FOOTER),
    ("de", "Impressum", Reason.FOOTER),
    ("fr", "Mentions légales", Reason.FOOTER),
    ("es", "Aviso legal", Reason.FOOTER),
    ("ru", "Все права защищены", Reason.FOOTER),
    ("pl", "Wszelkie prawa zastrzeżone", Reason.FOOTER),
    ("el", "Όροι χρήσης", Reason.FOOTER),
    ("zh", "版权所有 © 南岭科技报", Reason.FOOTER),
    # comments
    ("en", "Comments (12)", Reason.COMMENTS),
    ("en", "Leave a comment", Reason.COMMENTS),
    ("de", "Kommentare", Reason.COMMENTS),
    ("fr", "Ajouter un commentaire", Reason.COMMENTS),
    ("es", "Deja un comentario", Reason.COMMENTS),
    ("ru", "Оставить комментарий", Reason.COMMENTS),
    ("pl", "Dodaj komentarz", Reason.COMMENTS),
    ("el", "Σχόλια", Reason.COMMENTS),
    ("zh", "发表评论", Reason.COMMENTS),
    ("en", "Reader comments", Reason.COMMENTS),
    ("pl", "Najnowsze komentarze", Reason.COMMENTS),
    ("ru", "Комментарии читателей", Reason.COMMENTS),
    ("el", "Σχόλια αναγνωστών", Reason.COMMENTS),
    ("zh", "热门评论", Reason.COMMENTS),
    # advertisements
    ("en", "Advertisement", Reason.ADVERTISEMENT),
    ("en", "Story continues below advertisement", Reason.ADVERTISEMENT),
    ("de", "Anzeige", Reason.ADVERTISEMENT),
    ("fr", "Publicité", Reason.ADVERTISEMENT),
    ("es", "Publicidad", Reason.ADVERTISEMENT),
    ("ru", "Реклама", Reason.ADVERTISEMENT),
    ("pl", "Reklama", Reason.ADVERTISEMENT),
    ("el", "Διαφήμιση", Reason.ADVERTISEMENT),
    ("zh", "广告", Reason.ADVERTISEMENT),
    # Turkish (in the case the sites print them: "İ" lower-cases to "i̇")
    ("tr", "Haberi Dinle", Reason.AUDIO_WIDGET),
    ("tr", "Tarayıcınız ses öğesini desteklemiyor.", Reason.AUDIO_WIDGET),
    ("tr", "İlgili Haber: Sahil yolunda asfalt çalışması başladı", Reason.INLINE_TEASER),
    ("tr", "İZLE: Açılış töreninden görüntüler", Reason.INLINE_TEASER),
    ("tr", "Haberi Paylaş", Reason.SHARE),
    ("tr", "Bizi takip edin: Instagram ve X hesaplarımız", Reason.SHARE),
    ("tr", "Günün öne çıkan haberleri e-posta kutunuza gelsin. Bültenimize abone olun.", Reason.SUBSCRIBE),
    ("tr", "Sitemizde çerezler kullanılmaktadır. Detaylı bilgi için Çerez Politikamızı inceleyebilirsiniz.", Reason.COOKIE),
    ("tr", "İnternet sitemizde çerezler kullanılmaktadır.", Reason.COOKIE),
    ("tr", "Ana Sayfa > Gündem", Reason.NAVIGATION),
    ("tr", "İçeriğe Geç", Reason.NAVIGATION),
    ("tr", "KVKK Aydınlatma Metni", Reason.FOOTER),
    ("tr", "İletişim", Reason.FOOTER),
    ("tr", "Yorumlar (3)", Reason.COMMENTS),
    ("tr", "Yorum yapabilmek için giriş yapmalısınız.", Reason.COMMENTS),
    ("tr", "Reklam", Reason.ADVERTISEMENT),
    # Czech
    ("cs", "Poslechněte si článek", Reason.AUDIO_WIDGET),
    ("cs", "Čtěte také: Most přes Lipnici bude v červenci uzavřen", Reason.INLINE_TEASER),
    ("cs", "Přečtěte si také Hasiči slaví sto dvacet let", Reason.INLINE_TEASER),
    ("cs", "Sdílet na Facebooku", Reason.SHARE),
    ("cs", "Přihlaste se k odběru našeho newsletteru", Reason.SUBSCRIBE),
    ("cs", "Tento web používá soubory cookies k poskytování služeb a analýze návštěvnosti.", Reason.COOKIE),
    ("cs", "Přeskočit na obsah", Reason.NAVIGATION),
    ("cs", "Ochrana osobních údajů", Reason.FOOTER),
    ("cs", "Diskuse (12)", Reason.COMMENTS),
    ("cs", "Vstoupit do diskuse", Reason.COMMENTS),
    ("cs", "Článek pokračuje pod reklamou", Reason.ADVERTISEMENT),
    # Swedish
    ("sv", "Lyssna på artikeln", Reason.AUDIO_WIDGET),
    ("sv", "Läs också: Nya turlistor för skärgårdsbussarna", Reason.INLINE_TEASER),
    ("sv", "Se klippet: Så lyftes den gamla rampen bort", Reason.INLINE_TEASER),
    ("sv", "Dela artikeln", Reason.SHARE),
    ("sv", "Prenumerera på vårt nyhetsbrev och få de senaste nyheterna varje morgon.", Reason.SUBSCRIBE),
    ("sv", "Vi använder cookies för att ge dig en bättre upplevelse på sajten.", Reason.COOKIE),
    ("sv", "Hoppa till innehållet", Reason.NAVIGATION),
    ("sv", "Ansvarig utgivare: Per Holm", Reason.FOOTER),
    ("sv", "Skriv en kommentar", Reason.COMMENTS),
    ("sv", "Artikeln fortsätter under annonsen", Reason.ADVERTISEMENT),
    # Arabic
    ("ar", "استمع للمقال", Reason.AUDIO_WIDGET),
    ("ar", "اقرأ أيضاً: بلدية الرملية تطلق حملة لترشيد استهلاك المياه", Reason.INLINE_TEASER),
    ("ar", "شاهد: جولة داخل محطة التحلية الجديدة", Reason.INLINE_TEASER),
    ("ar", "شارك على فيسبوك", Reason.SHARE),
    ("ar", "اشترك في نشرتنا البريدية لتصلك أهم الأخبار", Reason.SUBSCRIBE),
    ("ar", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.", Reason.COOKIE),
    ("ar", "الرئيسية > محليات", Reason.NAVIGATION),
    ("ar", "سياسة الخصوصية", Reason.FOOTER),
    ("ar", "أضف تعليقاً", Reason.COMMENTS),
    ("ar", "إعلان", Reason.ADVERTISEMENT),
    # Romanian (comma-below letters, and the cedilla forms of older pages)
    ("ro", "Ascultă articolul", Reason.AUDIO_WIDGET),
    ("ro", "Citește și: Drumul județean spre Pădureni intră în reparații", Reason.INLINE_TEASER),
    ("ro", "CITEŞTE ŞI: Festivalul recoltei revine în Valea Lungă", Reason.INLINE_TEASER),
    ("ro", "Distribuie pe Facebook", Reason.SHARE),
    ("ro", "Abonează-te la newsletterul nostru și primește cele mai importante știri.", Reason.SUBSCRIBE),
    ("ro", "Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună de navigare.", Reason.COOKIE),
    ("ro", "Acest site foloseşte cookie-uri pentru a vă oferi o experienţă mai bună.", Reason.COOKIE),
    ("ro", "Sari la conținut", Reason.NAVIGATION),
    ("ro", "Politica de confidențialitate", Reason.FOOTER),
    ("ro", "Politica de confidenţialitate", Reason.FOOTER),
    ("ro", "Comentarii (4)", Reason.COMMENTS),
    ("ro", "Pentru a comenta trebuie să fii autentificat.", Reason.COMMENTS),
    ("ro", "Articolul continuă după reclamă", Reason.ADVERTISEMENT),
    # Hungarian
    ("hu", "Cikk meghallgatása", Reason.AUDIO_WIDGET),
    ("hu", "Kapcsolódó: Újra indul a nyári olvasótábor", Reason.INLINE_TEASER),
    ("hu", "Videó: Így készült el a felújított épület", Reason.INLINE_TEASER),
    ("hu", "Megosztás a Facebookon", Reason.SHARE),
    ("hu", "Iratkozzon fel hírlevelünkre, és minden reggel elküldjük a legfontosabb híreket.", Reason.SUBSCRIBE),
    ("hu", "Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében.", Reason.COOKIE),
    ("hu", "Ugrás a tartalomra", Reason.NAVIGATION),
    ("hu", "Adatvédelmi tájékoztató", Reason.FOOTER),
    ("hu", "Hozzászólások (7)", Reason.COMMENTS),
    ("hu", "A hozzászóláshoz be kell jelentkeznie.", Reason.COMMENTS),
    ("hu", "Hirdetés", Reason.ADVERTISEMENT),
    # Vietnamese
    ("vi", "Nghe bài viết", Reason.AUDIO_WIDGET),
    ("vi", "Xem thêm: Huyện Vàm Tre khởi công tuyến đường ven sông", Reason.INLINE_TEASER),
    ("vi", "Tin liên quan: Chợ nổi Cồn Lau đón khách du lịch", Reason.INLINE_TEASER),
    ("vi", "Chia sẻ lên Facebook", Reason.SHARE),
    ("vi", "Đăng ký nhận bản tin để nhận những tin tức mới nhất mỗi sáng.", Reason.SUBSCRIBE),
    ("vi", "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn trên trang web.", Reason.COOKIE),
    ("vi", "Trang chủ > Thời sự", Reason.NAVIGATION),
    ("vi", "Chính sách bảo mật", Reason.FOOTER),
    ("vi", "Tổng biên tập: Võ Thanh Sơn", Reason.FOOTER),
    ("vi", "Giấy phép số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp", Reason.FOOTER),
    ("vi", "Bình luận (5)", Reason.COMMENTS),
    ("vi", "Vui lòng đăng nhập để bình luận", Reason.COMMENTS),
    ("vi", "Quảng cáo", Reason.ADVERTISEMENT),
    # Hindi
    ("hi", "खबर सुनें", Reason.AUDIO_WIDGET),
    ("hi", "यह भी पढ़ें: रामपुर कलां में बनेगा नया बस अड्डा", Reason.INLINE_TEASER),
    ("hi", "ये भी पढ़ें- नहर की सफाई का काम अधूरा", Reason.INLINE_TEASER),
    ("hi", "फेसबुक पर शेयर करें", Reason.SHARE),
    ("hi", "देश-दुनिया की ताज़ा खबरों के लिए हमारे न्यूज़लेटर को सब्सक्राइब करें।", Reason.SUBSCRIBE),
    ("hi", "हम कुकीज़ का उपयोग करते हैं ताकि आपको बेहतर अनुभव मिल सके।", Reason.COOKIE),
    ("hi", "होम > राज्य > उत्तर प्रदेश", Reason.NAVIGATION),
    ("hi", "गोपनीयता नीति", Reason.FOOTER),
    ("hi", "टिप्पणियां (2)", Reason.COMMENTS),
    ("hi", "विज्ञापन", Reason.ADVERTISEMENT),
]


@pytest.mark.parametrize(
    ("lang", "counter"),
    [("en", "1 of 6"), ("en", "12/40"), ("ru", "3 из 9"), ("pl", "2 z 14"), ("cs", "3 z 12"),
     ("sv", "4 av 10"), ("ar", "2 من 8"), ("ro", "2 din 8")],
)
def test_a_gallery_counter_is_navigation(lang: str, counter: str) -> None:
    first, last = BODY[lang]
    doc = remove_boilerplate(Document.from_text(f"{first}\n{counter}\n{last}", lang=lang))
    assert doc.text == f"{first}\n{last}"
    assert _lines(doc.removed_by(Reason.NAVIGATION)) == [counter]


@pytest.mark.parametrize(
    ("lang", "count"),
    [("en", "[ 48 comments ]"), ("en", "12 Comments"), ("de", "5 Kommentare"), ("fr", "(4 commentaires)"),
     ("ru", "7 комментариев"), ("pl", "3 komentarze"), ("es", "0 comentarios"), ("el", "1 σχόλιο"),
     ("tr", "12 Yorum"), ("cs", "5 komentářů"), ("cs", "(1 komentář)"), ("sv", "8 kommentarer"),
     ("ar", "7 تعليقات"), ("ar", "[ 15 تعليقاً ]"), ("ro", "4 comentarii"), ("ro", "(1 comentariu)"),
     ("hu", "7 hozzászólás"), ("hu", "12 komment"), ("vi", "5 bình luận"), ("hi", "2 टिप्पणियां"), ("hi", "3 कमेंट्स")],
)
def test_a_line_that_counts_the_comments_is_a_comment_cue(lang: str, count: str) -> None:
    first, last = BODY[lang]
    doc = remove_boilerplate(Document.from_text(f"{first}\n{count}\n{last}", lang=lang))
    assert doc.text == f"{first}\n{last}"
    assert _lines(doc.removed_by(Reason.COMMENTS)) == [count]


# Rights notices anywhere in a line, not only at its start (language: the page's).
RIGHTS_NOTICES = [
    ("en", "ISSN 2051-7730; COPYRIGHT 2004-2024 Westmoor Gazette Ltd. All Rights Reserved."),
    ("en", "Westhaven Times and the lighthouse logo are registered trademarks of Coastal Media Ltd."),
    ("de", "Inhalte dieser Seite: Alle Rechte vorbehalten, Westhafener Zeitung 2024."),
    ("fr", "Le Courrier de Porthmoor - tous droits réservés pour tous pays."),
    ("ru", "При полном или частичном использовании материалов ссылка на «Вестхейвенские вести» обязательна."),
    ("pl", "Kurier Portmoorski © 2024 - wszelkie prawa zastrzeżone, kopiowanie bez zgody zabronione."),
    ("pl", "Żaden tekst Kuriera nie może być powielany ani dalej rozpowszechniany bez zgody wydawcy."),
    ("ru", "Просьба к читателям: не перепечатывайте наши репортажи без ссылки на источник."),
    ("el", "Τα πνευματικά δικαιώματα ανήκουν στην εφημερίδα «Ηχώ του Λιμανιού» από το 2004."),
    ("zh", "青岚日报社 版权所有，未经授权禁止转载。"),
    ("ru", "Все права на материалы, размещённые на сайте «Вестхейвенские вести», принадлежат редакции."),
    ("tr", "Sitede yayımlanan haberlerin tüm hakları Kıyı Postası'na aittir, izinsiz kullanılamaz."),
    ("cs", "Zpravodaj Podlesí 2024. Všechna práva vyhrazena. Publikování nebo šíření obsahu je zakázáno."),
    ("sv", "Skärgårdsposten 2023 – alla rättigheter förbehållna."),
    ("ar", "الساحل اليوم 2024. جميع الحقوق محفوظة لدار الساحل للنشر."),
    ("ro", "© 2024 Gazeta de Vale. Toate drepturile rezervate."),
    ("ro", "Preluarea integrală sau parțială a materialelor este permisă doar cu acordul redacției."),
    ("hu", "© 2024 Tiszaréti Hírek. Minden jog fenntartva."),
    ("hu", "A cikkek a kiadó előzetes írásbeli engedélye nélkül nem közölhetők."),
    ("vi", "Báo Sông Xanh giữ bản quyền nội dung trên website này."),
    ("vi", "Ghi rõ nguồn Báo Sông Xanh khi phát hành lại thông tin từ website này."),
    ("hi", "© 2024 ग्राम समाचार। सर्वाधिकार सुरक्षित।"),
]


@pytest.mark.parametrize(("lang", "line"), RIGHTS_NOTICES)
def test_a_rights_notice_anywhere_in_a_line_is_a_footer(lang: str, line: str) -> None:
    first, last = BODY[lang]
    page = f"{first}\n{last}\n{line}"
    doc = remove_boilerplate(Document.from_text(page, lang=lang))
    assert doc.text == f"{first}\n{last}"
    assert _lines(doc.removed_by(Reason.FOOTER)) == [line]


def test_a_long_paragraph_about_copyright_stays() -> None:
    first, last = BODY["en"]
    line = (
        "The court heard that the archive's owners had printed 'all rights reserved' on every "
        "photograph, but the judge said the notice alone could not stop the council from showing "
        "the pictures of the coast road in its own exhibition about the landslide and the repairs, "
        "which opens at the town museum on Saturday. The owners had argued that the photographs, taken "
        "by a local studio between 1952 and 1978, were still under copyright and that the council had "
        "never asked for permission, while the council said it had bought the prints at auction in 2009 "
        "together with the right to show them. The judge agreed with the council on the prints it had "
        "bought, but said that the twelve enlargements made for the exhibition were new copies, and that "
        "those could only be shown if the owners were paid the usual fee for a public display, which the "
        "council has now agreed to pay before the museum opens its doors to the public at the weekend. "
        "A spokesman for the owners said they were pleased that the court had recognised their rights."
    )
    assert len(line) > MAX_RIGHTS_NOTICE_CHARS
    doc = Document.from_text(f"{first}\n{line}\n{last}", lang="en")
    assert remove_boilerplate(doc) is doc


@pytest.mark.parametrize(("lang", "line", "reason"), BOILERPLATE)
def test_boilerplate_line_goes_with_its_reason(lang: str, line: str, reason: Reason) -> None:
    first, last = BODY[lang]
    page = f"{first}\n{line}\n{last}"
    doc = remove_boilerplate(Document.from_text(page, lang=lang))
    assert doc.text == f"{first}\n{last}"
    assert [(edit.reason, edit.removed) for edit in doc.edits] == [(reason, line + "\n")]
    assert all(edit.filter == "remove_boilerplate" for edit in doc.edits)
    assert doc.restore() == page


def _lines(removed: list[str]) -> list[str]:
    return [line for text in removed for line in text.split("\n") if line]


def test_boilerplate_at_the_end_of_the_page() -> None:
    first, last = BODY["en"]
    page = f"{first}\n{last}\nShare\nTweet\nEmail\n© Westmoor Gazette 2022"
    doc = remove_boilerplate(Document.from_text(page, lang="en"))
    assert doc.text == f"{first}\n{last}"
    assert _lines(doc.removed_by(Reason.SHARE)) == ["Share", "Tweet", "Email"]
    assert _lines(doc.removed_by(Reason.FOOTER)) == ["© Westmoor Gazette 2022"]
    assert doc.restore() == page
    assert apply_edits(page, doc.edits) == doc.text


def test_bare_read_more_takes_the_teased_headline_with_it() -> None:
    first, last = BODY["en"]
    page = f"{first}\nRead more\nCouncil sets budget for next year\n{last}"
    doc = remove_boilerplate(Document.from_text(page, lang="en"))
    assert doc.text == f"{first}\n{last}"
    assert doc.removed_by(Reason.INLINE_TEASER) == ["Read more\nCouncil sets budget for next year\n"]


def test_english_cues_apply_to_pages_in_other_languages() -> None:
    first, last = BODY["de"]
    page = f"{first}\nShare on Facebook\n{last}"
    assert remove_boilerplate(Document.from_text(page, lang="de")).text == f"{first}\n{last}"


def test_each_kind_is_counted_apart() -> None:
    first, last = BODY["en"]
    page = "\n".join(
        [
            first,
            "Listen to this article",
            "Share",
            "Subscribe now",
            "Accept all cookies",
            "Advertisement",
            "Comments (3)",
            "Privacy policy",
            last,
        ]
    )
    doc = remove_boilerplate(Document.from_text(page, lang="en"))
    assert doc.to_dict()["removed_by_reason"] == {
        "advertisement": 1,
        "audio_widget": 1,
        "comments": 1,
        "cookie": 1,
        "footer": 1,
        "share": 1,
        "subscribe": 1,
    }


# (page language, article line that merely contains a cue word)
KEEP = [
    ("en", "'Deep sense of betrayal'"),
    ("en", "What happens next"),
    ("en", "“No.”"),
    ("en", "Share prices fell 3% on Monday after the announcement."),
    ("en", "Subscribers to the club paid £450 a year."),
    ("en", "Subscriptions to the service rose by a fifth in the year to March."),
    ("en", "Staying up late before exams does more harm than good, the study found."),
    ("en", "Cookies and cakes were sold at the fair to raise money."),
    ("en", "Home owners in the area were told to expect delays."),
    ("en", "Comments made by the minister on Friday caused anger."),
    ("en", "Read more than 40 books a year, the headteacher told pupils."),
    ("en", "Listen to the people who live here, she said."),
    ("en", "He said - and she agreed - that it was over."),
    ("en", "The photo shows the bridge before the storm."),
    ("de", "Teilen wollen die Nachbarn den Garten nicht."),
    ("de", "Was jetzt passiert"),
    ("fr", "Partager la route avec les cyclistes reste difficile."),
    ("es", "Publicidad engañosa: la empresa fue multada con 20.000 euros."),
    ("ru", "Что будет дальше"),
    ("ru", "Поделиться опытом приехали специалисты из десяти регионов."),
    ("pl", "Reklama piwa na stadionie wywołała protesty kibiców."),
    ("el", "Εισιτήρια και πρόσβαση"),
    ("zh", "叫声也与众不同"),
    ("zh", "“它们通常在雨后的夜晚集中鸣叫。”"),
    ("en", "Fans celebrated 🎉 until midnight."),
    ("en", "1 of 6 households"),
    ("en", "Two thoughts on the matter were put to the committee on Tuesday."),
    ("en", "2024/25"),
    ("en", "12 comments were sent to the council before the vote."),
    ("ru", "200 комментариев к законопроекту поступило в комитет."),
    ("tr", "Paylaşılan fotoğraflar kısa sürede binlerce kez beğenildi."),
    ("tr", "Bizi takip eden araç kırmızı ışıkta durmadı, dedi."),
    ("tr", "Yolcular memnun"),
    ("tr", "12 yorum yapıldı, hepsi olumluydu."),
    ("cs", "Sdílet kola po městě bude možné od června."),
    ("cs", "Vstupné se nemění"),
    ("cs", "Diskuse o rozpočtu trvala do pozdních nočních hodin."),
    ("sv", "Dela på kostnaderna vill ingen av kommunerna."),
    ("sv", "För att kommentera beslutet bjöd kommunen in till presskonferens."),
    ("sv", "Ersättningsbåt för pendlare"),
    ("ar", "شارك في الاجتماع ممثلون عن عشر بلديات."),
    ("ar", "أسعار المياه لن ترتفع"),
    ("ar", "تعليق الدراسة في المدارس ثلاثة أيام بسبب العاصفة."),
    ("ro", "Citește și scrie fluent la doar șase ani, spune învățătoarea."),
    ("ro", "Vezi și tu diferența dacă treci podul dimineața, spun localnicii."),
    ("ro", "Abonamentul lunar pentru autobuzul școlar se ieftinește."),
    ("ro", "4 comentarii au fost trimise primăriei."),
    ("hu", "Kapcsolódó programokat is szerveznek a könyvtárban."),
    ("hu", "Megosztás helyett inkább személyesen beszélték meg."),
    ("hu", "Hosszabb nyitvatartás"),
    ("vi", "Chia sẻ với phóng viên, bà Mai nói rằng khách đã quay lại."),
    ("vi", "Theo dõi báo cáo của sở, giá lúa đã tăng mạnh."),
    ("vi", "Bình luận của ông Lộc nhận được nhiều sự đồng tình."),
    ("vi", "Đăng ký kết hôn trực tuyến được áp dụng từ tháng 3."),
    ("vi", "Tòa xác định bản quyền thuộc về nhạc sĩ Trần An, không phải công ty phát hành."),
    ("vi", "Hàng hóa nhập khẩu phải ghi rõ nguồn gốc xuất xứ."),
    ("hi", "शेयर बाज़ार की तरह यहां भी सुबह की बोली से दाम तय होंगे।"),
    ("hi", "होम लोन की ब्याज दरें अगले महीने से घटेंगी।"),
    ("hi", "कॉपीराइट कानून में बदलाव पर संसद में बहस हुई।"),
    ("hi", "किसानों में खुशी"),
]


@pytest.mark.parametrize(("lang", "line"), KEEP)
def test_article_lines_stay(lang: str, line: str) -> None:
    first, last = BODY[lang]
    doc = Document.from_text(f"{first}\n{line}\n{last}", lang=lang)
    assert remove_boilerplate(doc) is doc


@pytest.mark.parametrize("lang", sorted(BODY))
def test_clean_page_is_the_same_object(lang: str) -> None:
    doc = Document.from_text("\n".join(BODY[lang]), lang=lang)
    assert remove_boilerplate(doc) is doc


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Home | News | Sport | Weather", True),
        ("News · Sport · Business · Culture", True),
        ("Startseite » Politik » Ausland", True),
        ("He said - and she agreed - that it was over.", False),
        ("Red | Blue", False),
        ("Prices rose 5% / 6% / 7% in the three months to June, the ONS said.", False),
    ],
)
def test_is_menu(line: str, menu: bool) -> None:
    assert is_menu(line) is menu


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(MENU_SEPARATORS + "a ’\n"), max_size=12))
def test_two_separators_are_found_as_counting_finds_them(text: str) -> None:
    assert holds_two_of(text, MENU_SEPARATORS) == (sum(map(text.count, MENU_SEPARATORS)) > 1)
