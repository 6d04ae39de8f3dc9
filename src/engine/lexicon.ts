/**
 * What the matcher knows about purchasing language in general, as opposed to what the rules say about
 * items: which words name a form of a material (ingot, powder, Barren, lingot, 粉末), which only describe
 * (battery-grade, sintered), which are packaging, units, prepositions that start a phrase about something
 * else ("for", "with", "für", "pour"), the abbreviations of ERP extracts, and the words that make a line a
 * technology or a service. Foreign words are given as their English canonical word, so an alias written in
 * English also reads "Germaniumfenster" (germanium + window) or "lingot de gallium" (ingot of gallium).
 * Words are written folded (lower case, no accents), and are folded again as they are read in here, so a word
 * written in a character form the fold changes (亜鉛, 結晶, 負極: traditional forms Japanese also uses) meets the
 * lines, which are folded the same way.
 */
import { foldCharacters, stemWord } from "../rules/names";

/** Canonical word → the ways lines write it (other languages, spellings, truncations). */
/** Canonical word(s), joined by "_" → the words other languages and abbreviations write for them; each written word means one thing. */
export const TRANSLATIONS: Record<string, readonly string[]> = {
  // forms of a material
  metal: ["metall", "metalle", "metallique", "metalico", "metalica", "metallico", "metallica", "metallo", "metallici", "metalicos", "metais", "mtl", "metl", "金属", "メタル", "메탈", "금속", "地金", "metaal", "metaliczny", "metaliczna", "metaliczne", "металл", "металлическ", "kov", "kovový", "kovová", "met"],
  ingot: ["barren", "barre", "lingot", "lingote", "lingotto", "lingotti", "pani", "pane", "ingt", "インゴット", "锭", "잉곳", "ingote", "wlewek", "wlewki", "sztaba", "sztaby", "tacka", "tackor", "massel", "masseln", "слиток", "слитк", "külçe", "külçesi", "құйма", "құймалар", "regulus", "regule"],
  powder: ["pulver", "poudre", "polvo", "polvere", "po", "pwd", "pwdr", "pdr", "powdr", "粉", "粉末", "粉体", "パウダー", "분말", "가루", "poeder", "proszek", "proszku", "порошок", "порошк", "пудр", "prášek", "prášku", "toz", "tozu", "jauhe", "jauhetta", "ұнтақ"],
  micropowder: ["micron", "mikropulver", "微粉", "micropwd", "micropwdr", "микропорошок", "микропорошк", "미분"],
  sheet: ["blech", "bleche", "tole", "lamina", "lamiera", "chapa", "feuille", "placa", "板", "판", "판재", "shts", "sht", "blacha", "plat", "시트", "シート", "лист", "levha", "lemez", "lembaran", "kepingan"],
  plate: ["plade", "plader", "platte", "plaque", "lastra", "plt", "plaat", "platen", "plyta", "пластин", "deska", "desky"],
  foil: ["포일", "folie", "hoja", "箔", "호일", "folia", "фольг", "folha"],
  wire: ["draht", "lanka", "fil", "alambre", "filo", "fio", "丝", "線", "와이어", "draad", "drut", "trad", "проволок", "hilo", "huzal", "drát", "drátu", "ワイヤ", "ワイヤー"],
  rod: ["rundstab", "rundstabe", "stab", "stabe", "staebe", "stange", "tige", "varilla", "barra", "bastone", "vareta", "棒", "丸棒", "봉", "staaf", "staven", "pret", "prety", "stang", "tyč", "tyče", "пруток", "прутк", "стержен", "çubuk", "çubuğu", "ロッド", "stavar", "stav"],
  bar: ["barrette", "flachstange", "flachstangen", "flachstab", "busbar", "busbars", "stromschiene", "stromschienen"],
  tube: ["rohr", "tubo", "管", "buis", "rura", "труб", "cső", "boru", "borular"],
  granule: ["granulatum", "granza", "granulo", "펠렛", "펠릿", "granulat", "granules", "granulado", "granuli", "granulos", "颗粒", "粒", "粒状", "과립", "granulated", "granulaat", "granulki", "granuler", "granalien", "gran", "гранул", "granül", "granulate", "rae", "rakeet"],
  piece: ["stucke", "stuck", "morceaux", "morceau", "trozos", "pezzi", "pedacos", "块", "pcs"],
  lump: ["块状", "brocken", "chunk", "кусок", "куск", "괴"],
  flake: ["flocken", "paillettes", "paillette", "escamas", "scaglie", "flocos", "鳞片", "鱗片状", "인상", "flocke", "płatkowy", "płatkowa", "płatk", "vločkový", "flak", "platkowy", "platkowa", "šupinkový", "片状"],
  crystal: ["kristall", "kristalle", "cristal", "cristallo", "晶体", "結晶", "결정", "kristal", "krysztal", "xtal", "xtl", "кристалл", "kristali", "kristalı"],
  wafer: ["硅片", "kiekko", "scheibe", "plaquette", "oblea", "fetta", "bolacha", "wfr", "晶片", "ウェハ", "ウエハ", "ウェーハ", "ウエハー", "웨이퍼", "单晶片", "晶圆", "gofret", "szelet", "szeletek", "plaquettes", "fette"],
  epiwafer: ["外延片", "エピウェハ", "磊晶片", "epilayer"],
  epi: ["에피", "エピ"],
  chip: ["裸片", "芯片", "チップ", "칩"],
  sample: ["样品", "サンプル", "샘플", "muster", "echantillon", "muestra", "campione", "amostra", "vzorek", "numune", "样件"],
  size: ["粒径", "平均粒径", "粒度", "입도", "raekoko"],
  diameter: ["径", "線径", "直径", "直徑", "外径", "内径", "직경", "외경", "내경"],
  monocrystalline: ["单晶", "単結晶", "monocristallin", "monocristalline", "monocristallino", "monocristallini", "monocristalino", "monocristalinos", "monocristalinas", "monokristallin", "монокристаллическ", "mono"],
  aspheric: ["asferica", "asferico", "asferique", "asphaerisch", "aspharisch", "asferisch", "asph"],
  drill: ["fúró", "bohrer", "broca", "brocas", "foret", "forets", "wiertlo", "vrtak", "сверло"],
  vacuum: ["vuoto", "vacio", "vacuo", "vakuum", "prozniowy", "prozniowa"],
  freestanding: ["autoportant", "autoportante", "autoportants", "autoportantes", "freistehend"],
  unground: ["ungeschliffen", "未研磨"],
  transport: ["trasporto", "trasporti", "transporte", "transportes", "transportowa", "transportowe", "transportowy", "transportu", "nakliye"],
  panel: ["pannello", "pannelli", "paneles", "painel", "paineis", "panneau", "panneaux"],
  additive: ["添加剂", "첨가제", "zusatz", "additif", "aditivo", "additivo"],
  submicron: ["次微米", "亚微米", "サブミクロン", "서브마이크론"],
  arc: ["瓦形", "弧形"],
  cylinder: ["walec", "zylinder", "cilindro", "シリンダ", "シリンダー"],
  substrate: ["substrat", "sustrato", "substrato", "衬底", "基板", "기판", "substr", "キバン", "substraat", "podłoże", "podłoża", "podł", "altlık", "altlik", "altlığı", "altligi", "szubsztrát"],
  target: ["sputtertarget", "sputtertargets", "cible", "bersaglio", "靶材", "靶", "ターゲット", "타겟", "tgt", "мишен", "terč", "terče", "타깃"],
  concentrate: ["konzentrat", "concentre", "concentrado", "concentrato", "conc", "精矿", "정광", "концентрат", "konsantre", "konsantresi", "konsentrat", "rikaste"],
  ore: ["erz", "minerai", "minerale", "minerio", "矿", "鉱石", "광석", "cevher", "cevheri"],
  alloy: ["legierung", "alliage", "aleacion", "lega", "liga", "合金", "합금", "alaşım", "alasim", "alaşımı", "alasimi", "alaşımlı", "alasimli"],
  oxide: ["氧化", "酸化", "산화", "yanghua", "oxid", "oxyde", "oxido", "ossido", "氧化物", "酸化物", "산화물", "оксид", "oxit"],
  dioxide: ["dioxid", "dioxyde", "dioxido", "biossido", "diossido"],
  trioxide: ["trioxid", "trioxyde", "trioxido", "triossido", "triox", "триоксид", "trioksida", "trioksit", "trioksidi"],
  hydroxide: ["수산화", "氢氧化", "水酸化", "hydroxid", "hydroxyde", "hidroxido", "idrossido", "hydrox", "гидроксид", "hidroksida", "hidroksit", "hidrox"],
  carbonate: ["carbonat", "karbonat", "carbonato", "карбонат", "uhličitan", "weglan"],
  phosphate: ["phosph", "phosphat", "fosfato", "fosforan", "фосфат"],
  monohydrate: ["monohydrat", "monohydrated", "monohidratado", "monoidrato", "monoidratado", "monohyd", "一水和物", "单水", "일수화물", "jednowodny", "моногидрат", "monohydraat", "monohidr"],
  scrap: ["schrott", "dechets", "chatarra", "rottami", "sucata", "废料"],
  fibre: ["fiber", "fibres", "fibers", "faser", "fibra", "ファイバ", "ファイバー", "파이버", "光ファイバ", "光ファイバー", "광섬유", "fbr", "волокн", "оптоволокн"],
  diamond: ["diamant", "diamante", "diament", "diamanten", "diamants", "diamantový", "diamantová", "diamentowy", "diamentowa", "алмаз", "алмазн", "elmas", "diamantado", "diamantada", "diamantados", "金刚石", "金剛石", "ダイヤモンド", "다이아몬드", "ダイヤ"],
  spool: ["bobine", "bobina", "spule", "spoel", "szpula"],
  insert: ["valtolapka", "wendeplatte", "wendeplatten", "刀片", "インサート", "인서트", "wendeschneidplatte", "plaquette amovible", "insrt", "pastilha", "pastilhas", "plaquita", "plaquitas", "inserto", "insertos", "placchetta", "placchette"],
  round: ["丸型", "圆形", "원형", "rund", "runde", "rond", "ronde", "redondo", "redonda", "tondo", "tonda", "丸", "okrągły", "okrągła", "kruhová", "kruhový"],
  ring: ["anello", "anelli", "anneau", "anneaux", "anillo", "anillos", "anel", "aneis", "リング", "링", "环", "圆环", "кольц"],
  magnet: ["magnete", "magneti", "aimant", "iman", "imane", "imanes", "ima", "imas", "magnetes", "mag", "magn", "磁铁", "磁钢", "磁体", "磁石", "자석", "マグネット", "마그넷", "magneten", "magnes", "magnesy", "magneet", "mıknatıs", "mıknatısı", "miknatis", "miknatisi", "магнит", "ジシャク", "mágnesek"],
  battery: ["baterai", "batterie", "akku", "akkumulator", "bateria", "batteria", "batt", "电池", "배터리", "전지", "batterij", "accu", "akumulator", "batteri", "аккумулятор", "батаре", "акб"],
  cell: ["zelle", "zellen", "cellule", "celda", "cella", "celula", "电芯", "セル", "셀", "cel", "ogniwo", "ogniwa", "hücre", "hücresi", "článek", "článku", "články", "ячеек", "ячейк"],
  window: ["fenster", "fenetre", "ventana", "finestra", "janela", "wndw", "窗口片", "窗口", "窓", "venster", "okno", "fonster", "ウィンドウ", "ウインドウ", "ウィンドー", "ウインドー", "hublot", "oblo", "pencere", "penceresi"],
  lens: ["linse", "linsen", "lentille", "lente", "透镜", "镜片", "レンズ", "렌즈", "soczewka", "soczewki", "lins", "lenzen", "линз", "lentilă", "lentile"],
  wheel: ["круг", "schleifscheibe", "meule", "muela", "mola", "rebolo", "砂轮", "砥石", "whl", "ściernica", "ściernice", "rueda", "kotouč", "kotouče", "slipskiva", "slipskivor", "slipskivan"],
  material: ["anyag", "matl", "materiau", "materiale", "werkstoff", "材料", "素材", "재료", "材", "материал", "materiaal", "materialen"],
  cathode: ["katoda", "kathode", "catodo", "catodi", "catodico", "catodica", "catodos", "正极", "양극", "катод", "катодн", "katodový", "katodová", "kathodes", "katodi", "katodit"],
  anode: ["anod", "anoda", "anoden", "anodo", "anodi", "负极", "負極", "음극", "анод", "анодн", "anódico", "anódica", "anodique"],
  block: ["ブロック", "블록", "quader", "bloque", "blocco", "bloco", "blk", "角型", "方块", "blocchetto", "blocchetti", "blok", "blokje", "блок", "tömb"],
  pack: ["パック", "팩", "组", "包"],
  disc: ["scheiben", "schijf", "schijven", "disque", "disques", "disco", "dischi", "discos", "円板", "圆片", "disk", "diski", "disket", "диск"],
  segment: ["seg", "segmento"],
  machine: ["mesin", "maschine", "maquina", "macchina", "mach", "machinery", "maschinen", "机", "設備", "makinesi", "makine", "makinası", "マシン", "머신", "anlage", "anlagen"],
  blank: ["rohling", "rohlinge", "ebauche", "grezzo", "ブランク", "preform", "preforms", "ebauches", "ämnen", "ämne"],
  cathode_material: ["kathodenmaterial", "kathodenmaterialien", "materiau cathodique", "正极材料", "正極材", "양극재", "kathodenmat"],
  anode_material: ["anodenmaterial", "负极材料", "負極材", "음극재", "anodenmat"],
  li_ion: ["liion", "lipo", "lipoly"],
  permanent_magnet: ["dauermagnet", "dauermagnete", "永磁体", "永磁", "영구자석"],
  line: ["linea", "lineas", "linka", "linky", "linii", "lini", "jalur", "lijn", "linie", "ligne", "linha", "产线", "生产线", "ライン", "라인", "лини"],
  precursor: ["vorlaufer", "precurseur", "precursore", "precursora", "前驱体", "前駆体", "전구체"],
  extractant: ["extraktionsmittel", "萃取剂", "抽出剤", "추출제", "экстрагент"],
  tetrachloride: ["tetrachlorid", "tetrachlorure", "tetracloruro", "tetracloreto", "tetraklorid"],
  needle: ["nadel", "nadeln", "aiguille", "aiguilles", "aguja", "agujas"],
  ceramic: ["keramik", "keramisch", "keramische", "ceramique", "ceramica", "ceramico", "seramik"],
  copper: ["kupfer", "miedź", "miedzi", "miedziany", "miedziana", "miedziane", "měděný", "měděná", "rame", "cuivre", "cobre", "koper", "koppar", "kobber", "bakir", "медь", "меди", "медн", "réz", "koperen", "kupari", "kuparin"],
  // One element, one word: "Wolframkupfer" is tungsten copper as "W-Cu" is, so the item's exclusions and names meet it.
  tungsten: ["wolfram", "volfram", "wolfraam", "wolframio", "tungsteno", "tungstene", "tungstenio", "wolframu", "wolframowy", "wolframowa", "wolframový", "вольфрам", "вольфрамов"],
  graphite: ["graphit", "grafit", "графит", "графитов", "графитированн", "графитирован", "흑연", "grafiitti", "grafitt", "grafitten", "grafiet", "黒鉛", "石墨"],
  anhydrous: ["无水", "anhydr", "anhyd", "wasserfrei", "anhydre", "anhidro", "anidro"],
  source: ["src", "quelle", "소스", "ソース"],
  carbide: ["węglik", "węglika", "węgliki", "węglików", "karbid", "karbidu", "карбид", "karbür"],
  grit: ["schleifkorn", "körnung", "koernung", "graniglia", "grano", "granos", "砥粒"],
  steel: ["stal", "staal", "ocel", "ocelový", "ocelová", "stali", "stalowy", "stalowa", "сталь", "стальн", "acél", "thép", "elektroband", "elektroblech", "keluli", "stl", "çelik", "maraging"],
  nitrate: ["nitrat", "nitrato", "硝酸", "硝酸塩"],
  // things a line may be that are never a traded form of a material (PRODUCT_NOUNS)
  paint: ["tinta", "pintura", "peinture", "vernice", "lackfarbe", "verf", "farba"],
  lubricant: ["seize", "antiseize", "schmierstoff", "lubrifiant", "lubricante", "lubrificante", "montagepaste", "смазк", "smar", "smary", "mazivo", "kenőanyag"],
  laser: ["lsr", "лазер", "лазерн", "lazer", "lazeri"],
  equipment: ["equip", "eqpt", "eqp", "equipo", "equipamento", "ausrüstung"],
  bubbler: ["バブラー", "버블러"],
  packed: ["入り"],
  winder: ["wickelmaschine", "wickelmasch", "wickler"],
  cutting: ["kesme", "corte", "taglio"],
  concrete: ["beton", "hormigón", "calcestruzzo", "concreto"],
  toy: ["oyuncak", "spielzeug", "jouet", "juguete", "giocattolo", "brinquedo", "玩具", "おもちゃ", "장난감"],
  speaker: ["loudspeaker", "lautsprecher", "haut-parleur", "altavoz", "altoparlante", "alto-falante", "スピーカ", "スピーカー", "扬声器", "喇叭", "스피커"],
  permanent: ["daimi", "permanente", "permanentes", "permanenti", "permanents"],
  furnace: ["forno", "forni", "fırın", "fırını", "horno", "hornos", "ofen", "piec", "pece", "oven", "ovens", "炉"],
  shot: ["ショット"],
  bottle: ["flasche", "flaschen"],
  batch: ["批次"],
  // descriptors
  doped: ["添加", "掺杂", "도핑", "첨가", "ドープ", "dotiert", "dotierte", "dotiertes", "dotierter", "dope", "dopee", "dopes", "dopees", "dopado", "dopada", "dopados", "dopadas", "drogato", "drogata", "drogati", "drogate", "domieszkowany", "domieszkowane", "gedoteerd", "legovany"],
  homopolymer: ["homopolimer", "homopolímero"],
  electronic: ["elektronik", "elektronisch", "elektronische", "electronique", "electronico", "electronica", "elettronico", "elettronica", "eletronico"],
  grade: ["그레이드", "qualitat", "qualite", "grado", "grau", "grd", "gr", "级", "グレード", "급", "등급", "等級", "kwaliteit", "klasa", "klasy", "kvalitet", "minőség", "minőségű", "kvalita", "kvality", "kalite", "kalitesi"],
  sintered: ["gesintert", "fritte", "sinterizado", "sinterizzato", "sinterizzati", "烧结", "焼結", "소결", "sinterlenmiş", "sinterizados", "sinterizada", "sinterizadas", "frittes"],
  synthetic: ["synthetisch", "synthetischer", "synthetische", "synthetique", "sintetico", "sintetica", "sintetici", "syn", "synth", "人造", "人工", "合成", "인조", "합성", "syntetyczny", "syntetyczna", "syntetyczne", "syntetisk", "синтетическ", "искусственн", "sentetik"],
  artificial: ["artif", "kunstlich", "artificiel", "artificiale"],
  natural: ["naturlich", "naturel", "naturelle", "naturale", "天然", "천연", "natur", "natuurlijk", "naturalny", "naturalna", "naturlig", "природн", "естественн", "табиғи", "prírodný", "prírodná"],
  high: ["hoch", "haute", "alta", "alto", "elevata"],
  purity: ["reinheit", "purete", "pureza", "purezza", "纯度", "순도", "高纯", "高純度", "hochrein", "zuiverheid", "czystosc", "renhet", "pur"],
  refined: ["gereinigt", "zonengereinigt", "zonengereinigtes", "raffine", "refinado", "raffinato", "ref", "refd", "плавк", "区域精制"],
  zone_refined: ["区熔"],
  coated: ["包覆", "beschichtet", "revetu", "recubierto", "rivestito", "revestido", "enrobe", "enrobee", "涂层", "コート", "kaplı", "kapli", "kaplamalı", "kaplamali", "gecoat", "gecoate"],
  technical: ["techn", "technisch", "technische", "tecnico", "tecnica", "technique", "techniczny", "technicky"],
  transformer: ["trafo", "trafos", "transformator", "transformatoren", "transformateur", "trasformatore"],
  // Surface finishes written after the name in catalogue and ERP lines ("NdFeB Magnet vernickelt").
  plated: [
    "vernickelt", "verzinkt", "verchromt", "verkupfert", "vergoldet", "versilbert", "verzinnt", "galvanisiert",
    "nickele", "zingue", "niquelado", "niquelada", "zincado", "zincada", "cromado", "cromada", "galvanizado",
    "galvanizada", "nichelato", "nichelata", "vernikkeld", "镀镍", "镀锌", "镀铬", "电镀", "めっき", "メッキ", "ニッケルめっき",
    "ニッケルメッキ", "亜鉛めっき", "도금", "니켈도금",
  ],
  polished: ["poliert", "polierte", "pulido", "pulida", "lucidato", "lucidata", "polido", "polida", "gepolijst", "抛光"],
  ground: ["geschliffen", "rectifie", "rectifiee", "rectificado", "rectificada", "rettificato", "rettificata", "retificado"],
  battery_grade: ["bg", "电池级", "電池グレード", "배터리급", "batteriegeeignet", "batteriefähig", "bateryjny", "bateryjna", "bateryjne", "batteriequal", "batteriequalität", "batteriequalitaet"],
  stainless_steel: ["ss", "inox", "edelstahl"],
  aluminium: ["铝", "アルミ", "アルミニウム", "알루미늄", "nhom", "alu", "alum", "aluminiowa", "aluminiowy", "aluminiowe", "hlinik", "hlinikovy", "hlinikova", "aluminyum", "алюмин", "алюминиев", "aluminio", "alluminio"],
  isostatic: ["isotropic", "isotrop", "isotrope", "isotropo", "isotropisch", "isostatisch", "isostatique", "isostatico", "isostatica", "isostatically", "等静压", "等方性", "isostat", "izostatik"],
  purified: ["purificado", "purificada", "purifie", "purifiee", "purificato", "purificata", "purif"],
  freight: ["portes", "frt", "frght", "vracht", "frakt", "輸送", "輸送費", "运输费", "運賃", "vrag", "vragkoste", "stevedoring", "stevedore", "fuvardíj", "fuvar", "spedizione", "spedizioni", "dhl", "fedex"],
  spherical: ["bulat", "spharisch", "spherique", "esferico", "sferica", "sferico", "esferica", "球形", "球状", "구상", "esferoidizado", "esferoidizada"],
  expanded: ["expandiert", "expanse", "expandido", "espanso", "膨胀"],
  infrared: ["红外", "赤外"],
  // words about the deal in CJK marketplace titles and quotations (read as the English words DEAL_WORDS holds)
  stock: ["现货", "库存", "現貨", "在庫", "재고"],
  wholesale: ["批发", "卸売", "도매"],
  direct: ["直销", "直銷", "直送"],
  manufacturer: ["厂家", "廠家", "生产厂家", "メーカー", "제조사"],
  supply: ["供应", "供货"],
  cheap: ["优惠", "價格優惠", "特価", "特価品", "특가", "할인"],
  free: ["包邮", "包郵", "送料無料", "무료배송"],
  quality: ["优质", "優質", "高品质", "高品質"],
  custom: ["定制", "订制", "訂製", "オーダーメイド", "맞춤"],
  resistant: ["耐高温", "耐高溫", "耐熱", "내열"],
  price: ["价格", "價格", "価格", "가격"],
  strong_magnet: ["强磁", "強磁", "强力磁铁", "強力磁鐵", "強力マグネット"],
  // what a product is as a whole
  module: ["모듈", "モジュール", "模块", "模组", "modul", "moduł", "modulo", "moduli", "modules", "módulos", "moduly", "modülü"],
  assembly: ["어셈블리", "アセンブリ", "アッセンブリ", "baugruppe", "ensamblaje", "ensamblado", "assemblage", "assemblaggio", "組立", "組立て", "组装", "조립", "montaż", "总成"],
  system: ["시스템", "システム", "系统"],
  unit: ["유닛", "ユニット"],
  // Russian, as stems (see russianStem): the names of elements and materials no item writes in Russian.
  diode: ["диод", "фотодиод", "dióda", "diody"],
  capsule: ["капсул"],
  profile: ["профил", "perfil", "perfiles", "perfis", "profil", "profilo", "profili", "profiel"],
  electrode: ["электрод", "elektroda", "elektrode", "elektroden", "electrodo", "electrodos", "eletrodo", "eletrodos", "elettrodo", "elettrodi", "elektrod", "elektroder", "elektroderna", "elektrodi", "elektrodit", "전극", "电极"],
  thermocouple: ["термопар", "thermoelement", "thermocouples"],
  transistor: ["транзистор"],
  sulfate: ["硫酸", "硫酸塩", "황산", "сернокисл", "сульфат"],
  stator: ["statore", "statori", "estator", "статор"],
  tablet: ["comprimidos", "comprimido", "compresse", "tabletas", "таблетк"],
  lamp: ["luminaria", "lampada", "lampe", "lampen", "светильник"],
  arsenide: ["арсенид", "arsenür", "arseneto", "arseniuro", "arséniure", "arsenek", "arsenid", "arseniuri"],
  antimonide: ["antimoneto", "antimoniuro", "antimoniure", "antimonid", "antymonek", "안티모나이드", "アンチモナイド", "антимонид"],
  selenide: ["seleneto", "seleniuro", "séléniure", "selenid", "selenek", "селенид", "selenür"],
  phosphide: ["фосфид", "fosfeto", "fosfuro", "phosphure", "fosfide", "fosforek", "fosfid", "phosphid"],
  spodumene: ["сподумен", "сподуменов"],
  bastnaesite: ["бастнезит", "бастнезитов", "bastnasite", "bastnasit"],
  extractor: ["экстрактор", "estrattore", "estrattori", "extracteur", "extracteurs", "extractores", "extratores", "extrator", "extraktor", "extraktoren"],
  centrifugal: ["центробежн", "centrifugo", "centrifuga", "centrifughi", "centrifughe", "centrifuge", "centrifuges", "centrífugos", "centrífugas", "zentrifugal"],
  drone: ["дрон", "бпла", "iha", "dron", "drones", "uav", "uavs", "multirotor", "multicopter"],
  solar: ["солнечн", "solari", "solaire", "solaires", "solares", "solarer", "solare", "suria"],
  polypropylene: ["полипропилен", "polipropileno", "polipropilene", "polypropylen", "폴리프로필렌", "ポリプロピレン", "聚丙烯"],
  stainless: ["нержавеющ", "inoxidable", "inoxydable", "inossidabile", "inoxidável", "nierdzewna", "nierdzewny", "nierdzewne", "rostfrei", "rostfreier", "rostfreie", "paslanmaz"],
  cbn: ["кнб", "эльбор"],
  disulfide: ["дисульфид"],
  neodymium: ["неодим", "неодимов", "neodyum", "neodim", "neodymowy", "neodymowe"],
  samarium: ["самар", "самариев"],
  cobalt: ["кобальт", "кобальтов"],
  ferrite: ["феррит", "ферритов", "ferită"],
  gallium: ["галл", "галлиев", "galyum"],
  germanium: ["германии", "германиев", "germanyum", "germaniu"],
  indium: ["индии", "индиев"],
  antimony: ["сурьм", "сурьмян", "antymon", "antymonu", "antimon", "antimoine", "antimonio", "antimoon", "antimoni", "сүрме"],
  bismuth: ["висмут", "висмутов"],
  molybdenum: ["молибден", "молибденов", "molybdenový", "molybdenová", "molybdenové", "molibden", "molibdenowy", "molibdenowa", "molibdenowe", "molybdeeni", "molybdeenin"],
  tellurium: ["碲", "теллур", "теллуров"],
  lithium: ["литии", "лития", "литиев", "lityum", "lithný", "lithná", "litium", "litu"],
  terbium: ["терб", "тербиев"],
  dysprosium: ["диспроз", "диспрозиев"],
  ytterbium: ["иттерб", "иттербиев"],
  thulium: ["тулии", "тулия", "tulium"],
  yttrium: ["иттр", "иттриев"],
  scandium: ["сканд", "скандиев", "skand"],
  gadolinium: ["гадолин", "гадолиниев"],
  lutetium: ["лютец"],
  erbium: ["эрбии", "эрбия", "эрбиев"],
  europium: ["европии", "европия"],
  praseodymium: ["празеодим"],
  lanthanum: ["лантан"],
  cerium: ["церии", "церия"],
  silver: ["серебр", "серебрян", "gümüş", "srebro", "srebra", "srebrny", "stříbro", "ezüst", "hopea", "sølv", "chandi", "चांदी"],
  // "terres rares", "tierras raras", "Seltene Erden": rare earths in other languages, read word by word
  rare: ["rares", "raras", "seltene", "seltenen", "seltener", "zeldzame", "rzadkich", "rzadkie", "sällsynta", "nadir"],
  earth: ["terres", "terre", "tierras", "terras", "erden", "aarden", "ziem", "jordartsmetaller", "toprak"],
  photovoltaic: ["fotovoltaico", "fotovoltaica", "fotovoltaici", "fotovoltaiche", "photovoltaique", "photovoltaiques", "fotovoltaicos", "fotovoltaicas", "photovoltaisch", "photovoltaische", "fotowoltaiczny", "fotowoltaiczne", "fotovoltaik"],
  manufacturing: ["mfg"],
  process: ["proc", "procédé", "procédés", "proceso", "procesos", "processo", "processi", "procedimento", "verfahren", "proces", "procesu", "процесс"],
  separation: ["分离", "분리", "trennung", "separazione", "separación", "separação", "scheiding", "separacja", "separace", "разделени"],
  charger: ["lader", "ladegerät", "chargeur", "cargador", "caricabatterie", "carregador", "ładowarka", "nabíječka", "töltő", "şarj", "充电器", "충전기"],
  insulating: ["isolante", "isolanti", "aislante", "aislantes", "isolant", "isolants", "isolierend", "izolacyjny", "semiisolante", "semiaislante"],
  raw: ["grezza", "grezzi", "grezze", "bruto", "bruta", "brut", "brute", "roh", "surowy", "surowa", "ruw", "өңделмеген", "greggio", "greggia", "greggi", "原料"],
  resinoid: ["resinoide", "resinoidi", "kunstharzgebunden", "żywiczna", "żywiczny"],
  distilled: ["destilado", "destilada", "distillato", "distillata", "distillé", "destilliert", "destillierte"],
  sublimed: ["sublimiert", "sublimierte", "sublimé", "sublimée", "sublimado", "sublimada", "sublimato"],
  holmium: ["holm", "holmu", "holmio", "гольми"],
  stacking: ["stapel", "stapeln", "stapelung", "empilement", "apilado", "empilhamento", "impilaggio", "układanie", "스태킹"],
  filling: ["befüll", "befüllung", "befuell", "remplissage", "llenado", "envase", "riempimento"],
  expandable: ["espandibile", "expandible", "expansible", "expansível", "expandierbar", "ekspandowany"],
  polycrystalline: ["polykristallin", "polykristalline", "policristallino", "policristallina", "policristalino", "policristalina", "polycristallin", "polycristalline", "polikrystaliczny", "polikrystaliczna", "多结晶", "多晶"],
  granite: ["granito", "granit", "гранит"],
  marble: ["marmo", "mármol", "mármore", "marbre", "marmor", "мрамор"],
  stone: ["pietra", "piedra", "pedra", "pierre", "naturstein"],
  rare_earth: ["редкоземельн", "seltenerd", "seltenerden", "seltenerdmetalle"],
  // colours, which only describe
  black: ["fekete", "schwarz", "noir", "noire", "negro", "negra", "nero", "nera", "preto", "preta", "zwart", "czarny", "czarna", "svart", "siyah", "černý", "черн", "黒", "黑", "黒色", "黑色", "검정", "검정색"],
  white: ["weiss", "weiß", "blanc", "blanche", "blanco", "blanca", "bianco", "bianca", "branco", "branca", "wit", "biały", "biała", "beyaz", "bílý", "白", "白色", "흰색"],
  blue: ["blau", "bleu", "azul", "blu", "blauw", "niebieski", "blå", "mavi", "modrý", "青", "蓝", "파란색"],
  anodized: ["anodised", "eloxiert", "eloxierte", "anodisiert", "anodise", "anodisee", "anodizado", "anodizada", "anodizzato", "anodizzata", "geanodiseerd", "anodowany", "anodowana", "アルマイト", "阳极氧化", "陽極酸化"],
  gray: ["grey", "gris", "grigio", "cinza", "grijs", "szary", "grå", "šedý", "灰", "灰色", "회색"],
  // what a line about a service says it is, in Russian (the rules' non-goods phrases are in English)
  boron: ["bor", "boro", "бор"],
  analysis: ["анализ"],
  technology: ["teknologi", "технолог", "технологи", "tecnologica", "tecnologico", "technologique", "technologisch", "technologiczny", "技术"],
  licence: ["lisensi", "лиценз", "licenc", "licencja", "ライセンス", "라이선스", "许可", "許可"],
  maintenance: ["维修保养", "保养", "wartung", "wartungsvertrag", "mantenimiento", "manutenzione", "manutencao", "onderhoud", "유지보수", "维护", "保守", "amc", "обслуживан", "karbantartás", "karbantartása", "údržba", "konserwacja"],
  installation: ["монтаж", "安装"],
  commissioning: ["inbetriebnahme", "ibn", "comissionamento", "시운전", "rozruch", "rozruchu", "igangkjoring", "komisioning", "наладк", "пусконаладк", "пусконаладочн", "调试", "調試"],
  rental: ["аренд"],
  repair: ["ремонт"],
  training: ["обучени"],
  paste: ["pasta", "pâte", "паст"],
  boat: ["schiffchen", "verdampferschiffchen", "nacelle", "navicella"],
  prototype: ["시제품", "試作品", "試作", "样机", "prototyp", "prototipo"],
  extraction: ["ekstraksi", "萃取", "extraktion", "extraccion", "estrazione", "extracao", "ekstrakcja", "抽出", "提取", "추출"],
  growth: ["wachstum", "croissance", "crecimiento", "crescita", "crescimento", "生长", "成長", "성장", "长晶"],
  insurance: ["versicherung", "assurance", "seguro", "assicurazione", "verzekering", "ubezpieczenie", "pojisteni", "保险", "보험", "страхов", "versekering"],
  hinge: ["ヒンジ", "힌지", "шарнирн"],
  press: ["пресс", "压机", "压力机", "プレス", "프레스"],
  cubic: ["кубическ"],
  motor: ["двигател", "motoru"],
  directional: ["направленн", "direccional", "gerichtete", "gerichtet", "gerichteter"],
  solidification: ["кристаллизац", "solidificacion", "erstarrung"],
  boot: ["botas", "bota", "stiefel", "bottes", "stivali"],
  pcd: ["pkd"],
  coating: ["pelapis"],
  box: ["박스", "kotak", "cutii", "cutie", "caixa", "caixas"],
  corrugated: ["골판지", "瓦楞", "ondulat", "ondulata", "canelado", "canelada"],
  pallet: ["托盘", "パレット", "팔레트", "palety", "paleta", "palet", "paletler", "pall", "pallar", "tarima", "tarimas", "europalette", "europaletten", "europaleta", "europaletas", "epal"],
  wood: ["木"],
  fumigated: ["熏蒸", "燻蒸", "fumigado", "fumigada", "fumigato", "fumigata", "begast", "fumige", "fumigee"],
  paratungstate: ["паравольфрамат"],
  ammonium: ["аммон", "аммоний"],
  hgcdte: ["крт"],
  mixer: ["mezclador", "mezcladores", "misturador", "misturadores", "miscelatore", "miscelatori", "melangeur", "melangeurs"],
  settler: ["decantador", "decantadores", "decantatore", "decantatori", "decanteur", "decanteurs"],
  transfer: ["transferencia", "transferencias", "trasferimento", "transfert"],
  extrusion: ["extr", "strangpressprofil", "strangpressprofile", "strangpress", "estrusione", "extrusao", "extrudiert", "stranggepresst"],
  master: ["mere", "madre", "madri", "mae"],
  tooling: ["outillage", "outillages", "utillaje", "utillajes", "ferramental", "attrezzatura", "werkzeuge", "herramental", "herramentales"],
  detector: ["fpa", "detecteur", "detecteurs", "detektor", "detektoren", "rivelatore", "detetor", "dedektör", "dedektörü", "探测器", "検出器", "검출기"],
  core: ["noyau", "noyaux", "nucleo", "anima", "kern", "kerne"],
  fee: ["服务费", "手续费", "费用", "avgift", "avgifter", "ライセンス料", "手数料", "수수료", "díj", "frais", "honoraires", "gebühr", "gebühren", "spese", "onorari", "honorarios"],
  beam: ["ビーム", "빔", "балк"],
  // Turkish defence and industry texts, and the sputtering of targets in Korean, Japanese and Chinese
  die: ["kalıp", "kalip", "kalıbı", "kalibi"],
  casting: ["döküm", "dökümü", "铸造", "鋳造"],
  precision: ["hassas"],
  heavy: ["ağır", "agir"],
  sputtering: ["스퍼터링", "スパッタリング", "溅射"],
  // Swedish steel, Vietnamese and other ERP packaging words
  rolled: ["varmvalsad", "varmvalsade", "kallvalsad", "kallvalsade"],
  bigbag: ["fibc", "fibcs"],
  endmill: ["pinnfräs", "pinnfräsar", "fräs", "fräsar", "schaftfräser"],
  // Finnish, Norwegian, Korean and Malay words of refinery, battery-line and packaging purchasing
  monazite: ["monazitt", "monatsiitti"],
  pouch: ["파우치", "パウチ"],
  lithium_ion: ["리튬이온"],
  cardboard: ["kadbod", "cartão"],
  service: ["svc", "svcs", "服务", "jasa", "hizmet", "hizmeti", "hizmetleri"],
  // Spanish and other words for thickness, and polymers by the abbreviations their datasheets use
  thickness: ["espesor", "spessore", "espessura", "dicke", "epaisseur"],
  polymer: ["pom", "pbt", "peek", "pmma", "lldpe", "uhmwpe", "polyamide", "poliamida", "polyamid", "polycarbonate", "polycarbonat"],
  grain_boundary_diffusion: ["粒界拡散", "晶界扩散", "晶界擴散"],
  // Chinese, Japanese, Korean and Indonesian words of customs, shipping and plastics purchasing
  // (As the rules' names are read: "customs" is stemmed to "custom".)
  import: ["einfuhr", "importazione", "importacion", "importação", "importation", "импорт", "进口", "輸入", "수입"],
  custom_clearance: ["报关", "清关", "通关", "通関", "통관", "vámkezelés", "vámkezelési", "zollabfertigung", "verzollung", "dédouanement", "sdoganamento", "desaduanamiento", "desaduanaje", "растаможк"],
  custom_clearance_fee: ["报关费", "清关费", "通关费"],
  hinge_beam: ["铰链梁"],
  superalloy: ["高温合金", "超合金"],
  coating_machine: ["코팅기", "涂布机", "塗工機"],
  "e-_drive": ["电驱"],
  cutter: ["滚刀", "刀圈", "刀具"],
  // German, Swedish, Hungarian and card-statement words of the 45th and 46th rounds
  fibre_laser: ["faserlaser", "faserlasers"],
  single_crystal: ["einkristall", "einkristalle"],
  direct_lithium_extraction: ["dle"],
  warehousing: ["opslag"],
  turbine_blade: ["turbinenschaufel", "turbinenschaufeln", "タービンブレード", "涡轮叶片"],
  iron_phosphate: ["eisenphosphat"],
  casting_furnace: ["gießofen", "giessofen"],
  hardmetal: ["hårdmetall", "keményfém", "超硬合金"],
  oil: ["öl", "oel", "huile", "aceite", "olio", "óleo"],
  ladder: ["létra"],
  cable: ["cavo", "cavi"],
  solder: ["soldadura", "silberlot"],
  shaft: ["wałek", "walek"],
  bolt: ["ボルト", "螺栓", "볼트", "болт"],
  gasket: ["dichtung", "junta", "guarnizione", "ガスケット", "垫片", "가스켓", "прокладк"],
  screw: ["parafuso", "parafusos", "tornillo", "tornillos", "vite", "viti", "schraube", "schrauben", "tornilleria"],
  drum: ["fass", "fässer", "faesser", "stahlfass", "stahlfässer", "kunststofffass"],
  bag: ["吨袋", "噸袋"],
  eur: ["euro", "euros"],
  // "三合一电驱" (three-in-one e-drive), "黒鉛系" (graphite-based): how many parts, and of which kind, describe
  multi: ["二合一", "三合一", "四合一", "多合一"],
  type: ["系"],
  shipping: ["pengiriman"],
  polyethylene: ["폴리에틸렌", "ポリエチレン", "聚乙烯"],
  resin: ["수지", "树脂", "樹脂", "harz", "résine", "resina"],
};

/** "doped" as lines write it, folded. */
/** The canonical word the reader gives "doped" and its translations. */
export const DOPED_WORD = "doped";
export const DOPED_WORDS: readonly string[] = [DOPED_WORD, ...TRANSLATIONS.doped.map(foldCharacters)];

/** The canonical word an abbreviation or foreign word stands for; several words where it stands for a phrase. */
const CANONICAL = new Map<string, readonly string[]>();
for (const [canonical, variants] of Object.entries(TRANSLATIONS)) {
  // Stemmed as the reader stems what is written: "linse" must meet "lens" where a name writes it (read "len").
  const words = canonical.split("_").map(stemWord);
  for (const written of variants) {
    const variant = foldCharacters(written);
    if (!CANONICAL.has(variant)) CANONICAL.set(variant, words);
  }
  if (!CANONICAL.has(canonical) && words.length > 1) CANONICAL.set(canonical, words);
}

/**
 * Vietnamese writes a noun in syllables apart ("nam châm", magnet; "sợi quang", optical fibre). In a line with letters
 * only Vietnamese uses, these folded syllable groups are read as the English words they mean, longest first.
 */
const VIETNAMESE_PHRASES: readonly (readonly [string, string])[] = [
  ["tam pin nang luong mat troi", "solar module"], ["pin nang luong mat troi", "solar module"], ["pin mat troi", "solar cell"],
  ["xe dap dien", "electric bicycle"], ["o to dien", "electric car"], ["hop kim cung", "hard metal"],
  ["chuyen giao cong nghe", "technology transfer"], ["cong nghe", "technology"], ["bao tri", "maintenance"], ["sua chua", "repair"],
  ["day chuyen", "line"], ["san xuat", "production"], ["hat nhua", "polymer granule"], ["duong kinh", "diameter"], ["ban cach dien", "semi insulating"], ["nguyen sinh", "virgin"],
  ["tinh quang", "concentrate"], ["dich vu", "service"], ["van chuyen", "transport"], ["lap rap", "assembly"], ["bo mach", "board"], ["dien tu", "electronic"], ["hop dong", "contract"],
  ["bu long", "bolt"], ["sac", "charger"], ["bao hiem", "insurance"], ["dai oc", "nut"], ["ma kem", "zinc plated"],
  ["nam cham", "magnet"], ["soi quang", "fibre"], ["kim cuong", "diamond"], ["dat hiem", "rare earth"], ["than chi", "graphite"],
  ["kim loai", "metal"], ["dong co", "motor"], ["bien tan", "inverter"], ["cuc am", "anode"], ["cuc duong", "cathode"],
  ["dien cuc", "electrode"], ["vat lieu", "material"], ["nhan tao", "synthetic"], ["tu nhien", "natural"], ["chat chiet", "extractant"],
  ["khuech dai", "amplifier"], ["pha tap", "doped"], ["dung cho", "for"], ["dung de", "for"], ["dung", "using"], ["hinh cung", "arc"],
  ["hinh cau", "spherical"], ["hang moi", "new"], ["tinh khiet", "purity"], ["may ep", "press"], ["bot", "powder"], ["thoi", "ingot"],
  ["la nhom", "aluminium foil"], ["nhom", "aluminium"], ["don tinh the", "monocrystalline"], ["cuon", "winding"], ["tam", "sheet"],
  ["day", "wire"], ["may", "machine"], ["pin", "battery"], ["nguon", "source"], ["cho", "for"], ["cua", "of"], ["loai", "type"],
].map(([written, english]) => [written, english] as const);
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
const VIETNAMESE_PHRASE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${VIETNAMESE_PHRASES.map(([written]) => written.replace(/ /g, "\\s+")).join("|")})(?![\\p{L}\\p{N}])`, "gu");
const VIETNAMESE_ENGLISH = new Map(VIETNAMESE_PHRASES);

/** A folded line in English words where its Vietnamese syllables name them; `written` (not folded) says whether it is Vietnamese. */
export function readVietnamese(written: string, folded: string): string {
  if (!VIETNAMESE_LETTERS.test(written)) return folded;
  // Folding keeps đ (it is a letter of its own, not d with an accent): the syllables are written here with d.
  return folded.replace(/đ/g, "d").replace(VIETNAMESE_PHRASE, (phrase) => VIETNAMESE_ENGLISH.get(phrase.replace(/\s+/g, " ")) ?? phrase);
}

const CYRILLIC_WORD = /^\p{Script=Cyrillic}+$/u;
/** Case and number endings of Russian nouns and adjectives, folded as lines are (й is и), longest first. */
const RUSSIAN_ENDINGS = [
  "ого", "его", "ому", "ему", "ыми", "ими", "ыи", "ии", "ои", "еи", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю",
  "ых", "их", "ов", "ев", "ам", "ям", "ах", "ях", "ом", "ем", "ия", "ья", "ью", "а", "я", "ы", "и", "е", "о", "у", "ю", "ь",
];
/** Russian stems shorter than this are not looked up ("лит" of литой, cast, is no lithium). */
const SHORTEST_RUSSIAN_STEM = 4;

/**
 * A Russian word without its case or number ending ("магниты" → магнит, "неодимовыи" → неодимов), for the lexicon's
 * Russian stems; null for a word in another script or one whose stem would be too short to say anything.
 */
export function russianStem(word: string): string | null {
  if (!CYRILLIC_WORD.test(word)) return null;
  const ending = RUSSIAN_ENDINGS.find((end) => word.length - end.length >= SHORTEST_RUSSIAN_STEM && word.endsWith(end));
  const stem = ending === undefined ? word : word.slice(0, -ending.length);
  return stem.length >= SHORTEST_RUSSIAN_STEM ? stem : null;
}

/** The canonical word(s) for a folded, singular word; the word itself when it has none. */
export function canonicalWords(word: string): readonly string[] {
  return CANONICAL.get(word) ?? [word];
}

/** The foreign and abbreviated words the lexicon knows, for segmenting text written without spaces. */
export function lexiconVariants(): readonly string[] {
  return [...CANONICAL.keys()];
}

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/).map(foldCharacters));
/** The same for words looked up as the reader stems them ("RoHS" is read as "roh", "goods" as "good"). */
const stemmedSet = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/).map((word) => stemWord(foldCharacters(word))));

/** Forms in which a material is traded: "gallium ingot" is gallium. */
export const MATERIAL_FORMS = set(`
  metal metallic ingot bar billet slab lump chunk piece granule grain pellet shot bead needle flake powder micropowder
  nanopowder dust particle crystal polycrystal monocrystal boule wafer epiwafer substrate blank plate sheet foil strip ribbon
  wire rod tube target boat chip turning sponge button dendrite oxide dioxide trioxide tetroxide sesquioxide hydroxide carbonate
  chloride fluoride nitrate sulfate sulphate sulfide sulphide acetate oxalate compound salt alloy concentrate ore regulus
  scrap waste template grit crystals material cake solution monohydrate block disc disk cube cylinder waffle product cam coil`);

/** Shapes a component such as a magnet comes in: "NdFeB ring", "SmCo arc segment". */
export const COMPONENT_SHAPES = set(`
  disc disk block ring arc segment cube cylinder sphere tile bar rod plate sheet piece ball countersunk pot array pixel`);

/** Words for a product as a whole: "traction motor assy", "lens assembly", "battery module". */
export const PRODUCT_FORMS = set(`assembly assy unit module system kit complete source board`);

/** Words a service line adds to the service's name: "sea freight charges", "box build services". */
export const SERVICE_FORMS = set(`
  service services charge charges fee fees cost costs sea air ocean road rail lcl fcl express inbound outbound domestic
  international contract`);

/**
 * Things that are never a traded form of a material: a line whose first phrase names one of them is that thing,
 * whatever metal it names ("solder preform indium", "molybdenum grease").
 */
export const PRODUCT_NOUNS = set(`
  solder grease lubricant lube oil paint lacquer coating adhesive glue epoxy polish cleaner tablet tablets capsule
  capsules supplement drug injection medicine cable cord connector plug charger adapter bulb lamp diode
  transistor tester meter thermometer thermocouple probe brush pad pads filter fuse jewellery jewelry necklace ring bracelet earring
  cutlery spoon fork knife watch toy figure pencil pen crayon leads sealant putty flux spray preform boot
  sharpener sweeper burr drill bit saw blade tool tools camera cameras kamera camara telecamera fresa fresas frese fraise fraises fraser fraeser frez chair table desk ladder boots shoe glove mask ferro
  corp corporation inc incorporated ltd limited gmbh llc plc company bolt screw nut washer rivet bracket fastener hinge
  spring valve pump fan hose seal bearing gear shaft housing enclosure frame speaker headphone earphone microphone
  binder lack remache remaches endmill vandskar laminate laminates heatsink fet mosfet capacitor capacitors elko elkos
  kondensator kondensatoren condensateur condensateurs condensatore condensatori condensador condensadores capacitores
  forklift hubwagen gasket gaskets`);

/** Packaging and quantities, never what a line is. */
export const PACKS = set(`
  bag drum bottle jar box pail cylinder spool reel roll pack packet carton tote can ampoule vial cassette kit set lot
  batch sample container tin sack bigbag jumbo ibc tray case crate pallet pcs pc piece pieces ea each unit units qty
  quantity pkg bubbler canister 吨 个 件 套 台 卷 只 根 批 公斤 千克 トン 個 개 톤`);

/** What packaging is made of: "paper bag", "steel drum", "PE bottle". */
export const PACK_MATERIALS = set(`paper plastic plastics steel ss stainless inox pe pp hdpe ldpe glass fibre fiber jute wooden wood cardboard metal tin woven kraft aluminium aluminum alu corrugated fibreboard fiberboard paperboard board ply`);

/** The packs that are containers, not counts: a line whose name ends in one of them may be the packaging itself. */
export const CONTAINERS = set(`bag drum bottle jar box pail carton tote ampoule vial sack bigbag ibc tray case crate pallet container canister`);

/** Words that only describe: grade, purity, treatment, quality, standards. */
export const DESCRIPTORS = set(`
  high higher highly purity pure ultra ultrapure grade technical tech industrial electronic optical reagent
  analytical research refined crude raw natural synthetic artificial sintered bonded coated uncoated plated polished
  lapped etched doped undoped semi insulating conductive type prime test dummy epi ready standard premium fine ultrafine
  coarse large small micronized micronised spherical anhydrous dry wet liquid solid cast rolled forged drawn annealed
  hot cold new quality mono monocrystalline polycrystalline single multi class nominal approx min max total net size
  diameter thick thickness width length od id mesh assay content heat cas ref item part number pn sku model series rev
  made origin brand oem original genuine virgin loose certified distilled sublimed vacuum sealed resinoid vgf lec synergist bare flot flotation lme
  dopant dopants dotierstoff booster sputtering sputter aspheric asphérique asphärisch asferica asferico asférico 非球面
  stranded packed grade yellow pink grey bonding free standing freestanding big brushless source src evaporation plankonvex desnudo desnuda wtryskowy tratada tratado curing temp low power giant mwir lwir swir 容量 克容量 용량 中试 中试批
  gray black white red blue green brown clear transparent anodized hydrate hydrated dihydrate trihydrate tetrahydrate
  pentahydrate hexahydrate heptahydrate octahydrate nonahydrate decahydrate epitaxial infrared isostatic expanded expandable spheroidized
  flexible purified sorted ultrafine nano micro submicron additive micronised magnetized magnetised radially axially diametrically
  dendritic homopolymer copolymer front rear back side perc topcon hjt bifacial flat round square hex mfi treo trem
  qty sku din iso astm thk wt gsm nlgi sae api jis ul dia diam fsss bulk turnkey seamless welded aspheric trace basis
  unmagnetized plain bright matte surface orientation oriented cut sliced sawn semiinsulating zone float regular
  customized custom various assorted strong super powerful permanent grain boundary diffused fired precision replacement
  wear fumigated acs automatic automatica automatico automatique automatisch automatyczna misto mixto mixed mixte 压实 压实密度 振实密度 铁磷比 spheroidise spheroidisee spheroidises spare ground unground unwrought wrought freestanding deep cycle cycles rechargeable 自立 自支撑 band 波段 バンド 밴드
  electrolytic electrolitico electrolitica elettrolitico elettrolitica eletrolitico eletrolitica elektrolytisch
  halbhart viertelhart federhart hart weich półtwarda półtwardy twarda twardy miękka miękki recuit recuite ricotto`);

/**
 * Words about the deal rather than the goods, written after them: origin, trade terms, compliance, stock and
 * condition, documents, weights and catalogue attributes ("… RoHS compliant", "… China origin", "… surplus stock",
 * "… see drawing", "… gross weight"). Kept as the reader stems words ("RoHS" is read as "roh").
 */
export const DEAL_WORDS = stemmedSet(`
  origin country prc usa uk chinese japanese korean taiwanese german american indian vietnamese thai malaysian indonesian
  exw fca cpt cip dap dpu ddp fas fob cfr cif ddu incoterm incoterms offtake toll amzn mktp amazon ebay paypal aliexpress eur usd gbp jpy cny rmb chf rohs reach compliant compliance conform conforming
  conformity surplus obsolete unused refurbished reconditioned remanufactured wholesale retail stock available cheap
  consignment prototype samples trial drawing drawings dwg spec specs specification datasheet attached see weight gross
  tare waterproof portable reusable lightweight miniature compatible resistant temperature rectangular cylindrical duty
  free supply supplies procurement delivery provision fourniture suministro fornitura lieferung fornecimento levering
  dostawa leverans 均价 现货 adquisicion adquisicao aquisicao acquisto direct manufacturer factory`);

/** Trade terms (Incoterms): the words after one name a port or a place ("FOB Shanghai", "CIF Rotterdam"). */
export const TRADE_TERMS = set(`exw fca cpt cip dap dpu ddp fas fob cfr cif ddu`);

/**
 * Elements no control names. Written next to a controlled element ("cobalt chrome molybdenum powder",
 * "gallium indium tin") they make an alloy or a compound of several, which is not the controlled element
 * unless a name of the item says so ("W-Cu", "Al-Sc").
 */
export const OTHER_ELEMENTS = set(`
  iron fe nickel ni cobalt co chrome chromium cr zinc zn tin sn lead pb titanium ti magnesium mg manganese mn vanadium
  zirconium zr niobium nb tantalum ta platinum pt palladium pd gold au rhodium ruthenium rhenium re cerium ce lanthanum
  la praseodymium sodium potassium calcium silicon boron carbon cadmium mercury arsenic selenium sulfur sulphur
  phosphorus nitrogen oxygen hydrogen beryllium strontium barium`);

/** Elements by name and symbol, for isotopes written with their mass number ("Lu-177", "Germanium-68"). */
export const ELEMENTS = set(`
  gallium ga germanium ge antimony sb tungsten wolfram w tellurium te bismuth bi molybdenum mo indium in lithium li
  scandium sc yttrium y lanthanum la cerium ce praseodymium pr neodymium nd promethium pm samarium sm europium eu
  gadolinium gd terbium tb dysprosium dy holmium ho erbium er thulium tm ytterbium yb lutetium lu silver ag graphite
  carbon c cobalt co strontium sr technetium tc iodine i radium ra thorium th uranium u actinium ac rhenium re copper cu
  fluorine f xenon xe krypton kr iridium ir caesium cesium cs radon rn phosphorus p sodium na nickel ni iron fe zinc zn`);

/** Words that make a line about moving goods: the other words of such a line are mostly places and carriers. */
export const FREIGHT_WORDS = set(`
  freight shipping shipment trucking haulage transport transportation carriage courier forwarding forwarder fracht
  seefracht luftfracht frachtkosten lkw spedition vracht expeditie frakt fret flete frete spedycja fuvarozás szállítás 运费 物流 运输 운송 항공운송 해상운송 물류 運送 輸送 輸送費 国際輸送 国际运输`);

/**
 * Words that make the text before a colon, " / " or " > " a label or a place in a bill of materials rather than
 * the goods: "BOM 4711 rotor assy / item 030: magnet segment", "Customs decl.: yttrium oxide".
 */
export const LABEL_WORDS = stemmedSet(`
  bom assy assembly item items pos position posnr level lvl sub subitem subassembly component line ref refdes decl
  declaration description desc goods article art material mat part invoice req requisition entry bill contract clause
  annex agreement offer dua di bolletta doganale 수입신고 product products commodity merchandise designation bezeichnung
  ware waren produit producto prodotto produkt articulo artikel 报价单 报价 发票 订单 采购单 合同 品名 货物 商品 見積書 見積
  請求書 注文書 発注書 納品書 御見積 御見積書 お見積 お見積書 品目 견적서 발주서 주문서 송장 계약서 품명 품목 인보이스 facture fattura factura fatura rechnung
  faktura banf freitext coa tender licitacion pregao solicitud requisicion requisicao ausschreibung код kod kód
  box feld casilla casella case campo rubrique list`);

/**
 * Words that label the number after them in a purchasing line: a material, order, lot or position number. Fewer
 * than LABEL_WORDS: "assembly 4711" or "line 3" may still be what a line is about.
 */
export const NUMBER_LABELS = set(`
  mat matnr material materialnr art artnr artikel article sku po pr req ref pos posnr position lot charge batch item
  order bestellung auftrag id`);

/** Words that carry no meaning for the reading. */
export const STOPWORDS = set(`
  the a an and or und et y e o ou oder each as is are to at on by from no nr n x approx ca circa abt about ie eg etc
  viz also other others misc miscellaneous anti non pre i ii iii iv vi
  need needs needed require requires required request requesting requested buy purchase procure order get us please pls
  quote quotation rfq raise urgent asap price prices pricing we you our could would send provide looking reorder`);

/** Units written after a number ("10 mm", "25 kg"): noise when they follow a number. */
export const UNITS = set(`
  mm cm m um nm km kg g mg t mt tonne tonnes ton tons lb lbs oz ct kw w v a ah mah wh kwh hz khz mhz ghz l ml ltr pcs pc
  ea pce ppm ppb ohm inch in ft m2 m3 mpa gpa psi bar rpm db dbm kv ka ma mw nos units ha mbar c k pct zoll pouces pulgadas
  pollici polegadas インチ 英寸 인치 px wp wc st stk stck szt`);

/**
 * Prepositions that start a phrase about something other than what the line is: its purpose, its parts, what it
 * comes with ("magnets for motors", "drill with Li-ion battery", "Magnet für Motoren"). A name found after one of
 * them does not say what the line is.
 */
export const ASIDE_PREPOSITIONS = set(`
  for from with without containing contains using used via fur mit ohne zur zum zu pour avec sans para con sin per senza voor dla
  com sem incl including inkl inclusive contenant enthaltend contenente conteniendo contendo untuk dengan 用 用于 용 用の 向け для с со без`);

/** The asides that say what a thing is for: a machine "for milk powder" is not a battery machine. */
export const PURPOSE_PREPOSITIONS = set(`for fur zur zum pour para per voor dla untuk 用 用于 용 用の 向け для`);

/** "on", "sur", "auf"…: a preposition when written as a word ("epi wafer on InP"), part of a name when hyphenated ("GaN-on-Si"). */
export const ON_PREPOSITIONS = set(`on sur auf su sobre`);

/**
 * Prepositions that link a thing to what it is made of or consists of ("ingot of gallium", "lingot de gallium",
 * "polvere di tungsteno"): the thing before is what the line is.
 */
export const OF_PREPOSITIONS = set(`of de du des d di del della dei delle degli dello da do dos das von vom aus al au aux alla allo agli van из`);

/** Prepositions of place or form ("in ingots", "en lingots", "em lingotes"); the words after them still describe the goods. */
export const FORM_PREPOSITIONS = set(`in en em im into ad в`);

/** Words that make a line a technology: a licence, know-how, a process package. */
export const TECHNOLOGY_MARKERS = set(`
  technology technologies technologie technologien tecnologia tecnologie knowhow licence license licensing lizenz licencia
  licenza licenca recipe recipes patent 技术 技術 기술 工艺 工藝 プロセス 공정`);

/**
 * A licence to export or import ("copy of export licence attached", "MOFCOM export licence on seller's account") is a
 * trade document of a goods deal, not a technology licence: these words before a licence word keep it from marking one.
 */
export const TRADE_PERMIT_WORDS = set(`
  export import exports imports exportation importation ausfuhr einfuhr export- exportacion importacion esportazione
  importazione exportacao importacao eksport eksportowa 出口 进口 輸出 輸入 수출 수입 экспорт импорт экспортн импортн`);
export const LICENCE_WORDS = set(`licence license licensing lizenz licencia licenza licenca`);

/** Two-word markers that make a line a technology even though each word alone may not ("process package"). */
export const TECHNOLOGY_PHRASES: readonly (readonly string[])[] = [
  ["know", "how"],
  ["ноу", "хау"],
  ["process", "package"],
  ["process", "design"],
  ["process", "technology"],
  ["process", "licence"],
  ["process", "license"],
  ["technology", "transfer"],
  ["technical", "assistance"],
  ["basic", "engineering"],
  ["engineering", "package"],
  ["synthesis", "technology"],
  ["process", "transfer"],
  ["tech", "transfer"],
  ["process", "documentation"],
  ["synthesis", "process"],
];

/** Words that make a line a service on a production line or plant. */
export const SERVICE_MARKERS = set(`
  commissioning installation install installing maintenance maintaining repair repairs upgrade upgrading overhaul servicing
  startup engineers engineer inbetriebnahme wartung reparatur montage entretien reparation mantenimiento reparacion
  manutenzione riparazione manutencao reparo 调试 维护 维修 安装 保守 メンテナンス 유지보수 시운전
  servis údržba oprava serwis naprawa konserwacja ремонт обслуживание монтаж наладка`);

/** Two-word markers of a service ("start up"). */
export const SERVICE_PHRASES: readonly (readonly string[])[] = [
  ["start", "up"],
  ["technical", "service"],
  ["field", "service"],
];

/** Form words written without spaces in Chinese, Japanese and Korean, for segmenting such text. */
export function isCjk(text: string): boolean {
  return CJK.test(text);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
