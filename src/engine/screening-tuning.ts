/**
 * The tunables of supplier-name screening, in one place; docs/scoring.md ("Screening supplier names")
 * explains each. Word lists are data: a word's class decides how much it weighs and whether it may
 * carry a match (screening.ts reads them, nothing else does).
 */

/** A clear match (`listed`) needs every structural condition and at least this weighted similarity. */
export const LISTED_AT = 0.85;
/** Below this nothing is reported; from here up a candidate with a distinctive word in common is `possible`. */
export const POSSIBLE_AT = 0.6;
/** A row whose country is one of the entity's countries confirms the match: its similarity gains this much (up to 1). */
export const COUNTRY_AGREES_BONUS = 0.05;
/** A row whose country is not one of the entity's weakens it: similarity × this, and never `listed`. */
export const COUNTRY_DIFFERS_FACTOR = 0.8;
/** A matched name this short (characters, once normalised) identifies nobody alone: at most `possible`. */
export const SHORTEST_CLEAR_NAME = 3;
/** The same for a name written only in Chinese or Japanese characters, each of which is a word or a syllable. */
export const SHORTEST_CLEAR_CJK_NAME = 2;
/** Group names are short ("Mitsubishi Heavy Industries"): longer runs are not considered, which bounds the index. */
export const LONGEST_GROUP_NAME = 4;
/** How many other candidates a result lists for review. */
export const ALTERNATIVES_SHOWN = 3;
/** Longer cells are not a supplier's name (a pasted document); scoring refuses them. */
export const LONGEST_SUPPLIER_NAME = 300;
/** The memo of screened names stops growing here, like the commodity memo. */
export const SCREENING_MEMO_LIMIT = 20_000;

/** Token similarity of a one-letter slip in a word of five letters or more, and of two slips in nine or more. */
export const ONE_EDIT_SIMILARITY = 0.9;
/** Words shorter than this are not compared by sound: short words sound like too many others. */
export const SHORTEST_SOUNDED_WORD = 4;
export const TWO_EDITS_SIMILARITY = 0.8;
/** An initialism standing for a group name several listed firms share ("MHI" for Mitsubishi Heavy Industries). */
export const ACRONYM_SIMILARITY = 0.9;
/** Chinese, Japanese or Korean names are compared by character pairs; below this two runs do not correspond. */
export const SHORTEST_CJK_SIMILARITY = 0.5;

/** Weights of word classes (see below); a distinctive word weighs 1 ÷ (1 + ln n) where n listed firms share it. */
export const COMMON_WORD_WEIGHT = 0.4;
export const SOFT_WORD_WEIGHT = 0.15;

/**
 * Legal forms, removed from both sides before comparing ("Inc.", "GmbH", "Co., Ltd.", "K.K.", "s.r.o."). Dotted
 * forms arrive as runs of single letters, which are joined first ("k k" → "kk"). Chinese and Japanese forms
 * are removed from the end (or start) of a run of characters: see CJK_LEGAL_FORMS.
 */
export const LEGAL_FORMS: readonly string[] = [
  "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corpn", "corporation", "co", "company", "cos", "plc", "pte", "pty", "pvt",
  "private", "partnership", "gmbh", "mbh", "ag", "kg", "kgaa", "se", "ug", "sa", "sas", "sarl", "spa", "srl", "sro", "spol", "as", "ab",
  "uab", "oy", "oyj", "asa", "bv", "nv", "kk", "gk", "kabushiki", "kaisha", "yugen", "godo", "sp", "zoo", "sdn", "bhd", "tbk", "jsc", "pjsc",
  "ooo", "zao", "ojsc", "cv", "sl", "slu", "sae", "aps", "aktiengesellschaft", "kommanditgesellschaft", "aktiebolag", "osakeyhtio",
  "ltda", "limitada", "gie", "ead", "sia", "doo", "kft", "zrt", "nyrt",
];
/**
 * Legal forms of several words: left after the single letters were joined ("sp zo o", "s de rl"), and spelt out
 * ("Gesellschaft mit beschränkter Haftung", "Società per Azioni", "Spółka Akcyjna").
 */
export const LEGAL_FORM_PHRASES: readonly (readonly string[])[] = [
  ["zo", "o"],
  ["z", "oo"],
  ["s", "ro"],
  ["de", "rl"],
  ["de", "cv"],
  ["gesellschaft", "mit", "beschrankter", "haftung"],
  ["societa", "per", "azioni"],
  ["societa", "a", "responsabilita", "limitata"],
  ["societe", "anonyme"],
  ["societe", "par", "actions", "simplifiee"],
  ["sociedad", "anonima"],
  ["sociedad", "limitada"],
  ["sociedade", "anonima"],
  ["spolka", "akcyjna"],
  ["spolka", "z", "ograniczona", "odpowiedzialnoscia"],
  ["naamloze", "vennootschap"],
  ["besloten", "vennootschap"],
  ["akciova", "spolecnost"],
];
/** Widths at which vendor masters cut a name (SAP's NAME1 holds 35 characters; many ledgers 40, older ones 30). */
export const NAME_FIELD_WIDTHS: readonly number[] = [30, 35, 40];
/** Chinese and Japanese legal forms, longest first so "股份有限公司" goes before "公司". */
export const CJK_LEGAL_FORMS: readonly string[] = [
  "股份有限公司", "有限责任公司", "有限公司", "分公司", "株式会社", "有限会社", "合同会社", "合资公司", "公司", "会社",
  "유한책임회사", "주식회사", "유한회사",
];
/**
 * Words Japanese firms write in katakana (the English words of their names) or in kanji (group and trade names),
 * with the English words the notices use for them: "株式会社IHIエアロスペース" is IHI Aerospace, "三菱マテリアル" is
 * Mitsubishi Materials. A run is read this way only when these words make up all of it.
 */
export const JAPANESE_NAME_WORDS: Readonly<Record<string, string>> = {
  // katakana: the English words of firms' names
  システムズ: "systems", システム: "system", エンジニアリング: "engineering", ディフェンス: "defense", エアロスペース: "aerospace",
  エアロ: "aero", スペース: "space", マテリアルズ: "materials", マテリアル: "materials", メタル: "metal", マスター: "master",
  テクノロジーズ: "technologies", テクノロジー: "technology", テクノ: "techno", エレクトロニクス: "electronics",
  エレクトリック: "electric", インダストリーズ: "industries", マリン: "marine", マシナリー: "machinery", マシナリ: "machinery",
  ソリューションズ: "solutions", ソリューション: "solution", サービス: "service", ネットワークス: "networks",
  ネットワーク: "network", ホールディングス: "holdings", グループ: "group", インターナショナル: "international",
  ジャパン: "japan", コーポレーション: "corporation", カンパニー: "company", リサーチ: "research", ラボラトリーズ: "laboratories",
  ラボ: "lab", プレシジョン: "precision", オプティクス: "optics", フォトニクス: "photonics", セミコンダクター: "semiconductor",
  デバイス: "devices", エナジー: "energy", モーターズ: "motors", モーター: "motor", ロボティクス: "robotics", ドローン: "drone",
  アビエーション: "aviation", オートメーション: "automation", センサー: "sensor", センサ: "sensor", ダイナミクス: "dynamics",
  ソフトウエア: "software", ソフトウェア: "software", ジェット: "jet", パワー: "power", エンジン: "engine", エンジンズ: "engines",
  マリタイム: "maritime", ロジテック: "logitec", オーシャニクス: "oceanics", ハイテック: "hightech", ハイテク: "hightech",
  スペシャル: "special", ビークル: "vehicle", パーツ: "parts", サプライ: "supply", テクニカル: "technical", セキュリティ: "security",
  ナショナル: "national", トレーディング: "trading", ケミカル: "chemical", ケミカルズ: "chemicals", インフラ: "infra",
  ビル: "building", ロッキード: "lockheed", マーティン: "martin", レイセオン: "raytheon", ボーイング: "boeing",
  ノースロップ: "northrop", グラマン: "grumman", ゼネラル: "general", ジェネラル: "general", ハネウェル: "honeywell",
  スバル: "subaru", コマツ: "komatsu", トキン: "tokin",
  ユナイテッド: "united", アンド: "and", ミサイルズ: "missiles", ミサイル: "missile", エアクラフト: "aircraft",
  ヘリコプター: "helicopter", ヘリコプターズ: "helicopters", インダストリー: "industry", アドバンスト: "advanced",
  アドバンスド: "advanced", インテリジェンス: "intelligence", コミュニケーションズ: "communications",
  コミュニケーション: "communication", サイエンス: "science", サイエンシズ: "sciences", ミッション: "mission",
  オーシャン: "ocean", グローバル: "global", ワールド: "world", アメリカ: "america", パシフィック: "pacific",
  ターボチャージャ: "turbocharger", ターボチャージャー: "turbocharger", ターボ: "turbo", ロジスティクス: "logistics",
  オプティカル: "optical", エレクトロ: "electro", ファイバー: "fiber", ケーブル: "cable", シップビルディング: "shipbuilding",
  インスツルメンツ: "instruments", インスツルメント: "instrument", マニュファクチャリング: "manufacturing",
  // kanji: group and trade names
  三菱: "mitsubishi", 三井: "mitsui", 住友: "sumitomo", 川崎: "kawasaki", 伊藤忠: "itochu", 富士通: "fujitsu", 日立: "hitachi",
  東芝: "toshiba", 重工業: "heavy industries", 重工: "heavy industries", 電機: "electric", 電気: "electric", 物産: "bussan",
  商事: "shoji", 精密: "precision", 造船: "shipbuilding",
};

/**
 * The same for Korean: Hangul renderings of the English words of firms' names, as a Korean buyer's vendor master
 * writes a foreign firm ("록히드마틴", "제너럴다이내믹스"), and the group names Korean writes for Japanese firms.
 */
export const KOREAN_NAME_WORDS: Readonly<Record<string, string>> = {
  록히드: "lockheed", 마틴: "martin", 레이시온: "raytheon", 레이테온: "raytheon", 보잉: "boeing", 제너럴: "general",
  다이내믹스: "dynamics", 다이나믹스: "dynamics", 노스롭: "northrop", 노스럽: "northrop", 그루먼: "grumman", 그러먼: "grumman",
  허니웰: "honeywell", 텍스트론: "textron", 시스템즈: "systems", 시스템스: "systems", 시스템: "system", 미사일즈: "missiles",
  미사일: "missile", 디펜스: "defense", 에어로스페이스: "aerospace", 에어로: "aero", 스페이스: "space", 테크놀로지스: "technologies",
  테크놀로지: "technology", 인더스트리즈: "industries", 인더스트리: "industry", 일렉트로닉스: "electronics", 일렉트릭: "electric",
  코퍼레이션: "corporation", 컴퍼니: "company", 인터내셔널: "international", 그룹: "group", 홀딩스: "holdings",
  엔지니어링: "engineering", 솔루션즈: "solutions", 솔루션: "solution", 머티리얼즈: "materials", 랜드: "land", 마린: "marine",
  오션: "ocean", 유나이티드: "united", 재팬: "japan", 아메리카: "america", 어드밴스드: "advanced", 사이언스: "science",
  앤드: "and", 미쓰비시: "mitsubishi", 미츠비시: "mitsubishi", 가와사키: "kawasaki", 카와사키: "kawasaki", 스바루: "subaru",
  후지쓰: "fujitsu", 히타치: "hitachi", 도시바: "toshiba", 중공업: "heavy industries", 조선: "shipbuilding",
  머시너리: "machinery", 이큅먼트: "equipment",
};

/**
 * Russian, Ukrainian and Bulgarian vendor masters write foreign firms in Cyrillic ("Локхид Мартин Корпорейшн",
 * "Рейнметалл АГ"). Folded to Latin letters (entity-names.ts), the English words of names come out spelled as they
 * sound; these are those spellings → the English word. Legal forms written so are legal forms.
 */
export const CYRILLIC_NAME_WORDS: Readonly<Record<string, string>> = {
  korporeishn: "corporation", korporeyshn: "corporation", korporeishen: "corporation", korporatsiia: "corporation",
  korporatsiya: "corporation", inkorporeited: "incorporated", ink: "inc", limited: "limited", limitid: "limited",
  kompani: "company", kompaniia: "company", kompaniya: "company", grup: "group", gruppa: "group", sistemz: "systems",
  sistems: "systems", sistemy: "systems", tekhnolodzhiz: "technologies", tekhnolodzhis: "technologies",
  tekhnologiz: "technologies", interneshnl: "international", interneshnal: "international", aerospeis: "aerospace",
  aerospeys: "aerospace", aeronavtiks: "aeronautics", aeronotiks: "aeronautics", industriz: "industries",
  industris: "industries", defens: "defense", misails: "missiles", raketnye: "missiles", elektroniks: "electronics",
  gmbkh: "gmbh", korp: "corp", kheviy: "heavy", khevi: "heavy", mashineri: "machinery", endzhiniring: "engineering",
};

/** Legal forms of the Cyrillic-writing countries, read only in names written in Cyrillic ("АД" is also initials). */
export const CYRILLIC_LEGAL_FORMS: readonly string[] = ["ad", "ead", "ood", "eood", "ooo", "ao", "oao", "zao", "pao", "tov", "pat", "at"];

/** Chinese words for "group" or "holdings" at the end of a name: soft, like their English counterparts. */
export const CJK_SOFT_SUFFIXES: readonly string[] = ["控股集团", "集团", "控股"];

/** Words that join others and mean nothing alone. */
export const STOP_WORDS: readonly string[] = ["the", "and", "of", "for", "by", "in", "at", "a", "an", "de", "du", "des", "la", "le", "el", "und", "et", "y"];

/**
 * Soft words: corporate wrappers often dropped or added ("Group", "Holdings", "International"). They weigh
 * little, may be missing from either side of a clear match, and never carry one.
 */
export const SOFT_WORDS: readonly string[] = [
  "group", "holding", "international", "enterprise", "industry", "worldwide", "operation", "partner", "associate", "global",
];

/**
 * Common words: descriptive words many firms use ("Defense", "Systems", "Technologies", "Aerospace"). They must
 * agree for a clear match (they tell "Mitsubishi Electric Software" from "Mitsubishi Electric Engineering"),
 * but a match made of them alone is no match: at least one distinctive word must agree.
 */
export const COMMON_WORDS: readonly string[] = [
  "defense", "system", "technology", "aerospace", "aero", "aeronautic", "aeronautical", "aviation", "space", "security", "solution",
  "engineering", "service", "material", "electric", "electronic", "research", "center", "institute", "national", "maritime", "marine",
  "tactical", "applied", "advanced", "science", "laboratory", "mission", "missile", "power", "network", "software", "data", "management",
  "market", "analysis", "analytic", "strategy", "consulting", "communication", "information", "machinery", "manufacturing", "precision",
  "robotic", "drone", "unmanned", "aerial", "heavy", "land", "air", "naval", "ground", "special", "vehicle", "part", "supply", "equipment",
  "engine", "metal", "jet", "sensor", "united", "federal", "american", "america", "photonic", "intelligence", "study", "simulation",
  "integration", "venture", "joint", "fire", "control", "ordnance", "logistic", "industrial", "development", "shipbuilding", "shipyard",
  "shipping", "ocean", "turbocharger", "academy", "exploration", "agency", "army", "truck", "chemical", "chemie", "motor", "maintenance",
  "circuit", "business", "alliance", "link", "acoustic", "concept", "force", "fuel", "nuclear", "testing", "compliance", "forum", "europe",
  "japan", "korea", "canada", "australia", "taiwan", "usa", "china", "product", "trading", "innovation", "dynamic", "automation",
  "energy", "resource", "capital", "medical", "health", "pharmaceutical", "bank", "financial", "investment", "construction", "design",
  "instrument", "optical", "optic", "laser", "semiconductor", "device", "component", "mobility", "automotive", "transport", "computing",
  "digital", "cyber", "cloud", "wireless", "telecom", "radar", "satellite", "vision", "imaging", "technical",
  "handelsgesellschaft", "gesellschaft", "werk", "machine", "tool", "rare", "earth", "mineral", "mining", "magnet",
];

/**
 * Words that may follow a firm's name in a purchasing record without making it another firm: places,
 * organisational words. They are ignored when left over on the row's side (they still count on the list's side).
 * Country names and codes (i18n-iso-countries) count as noise too.
 */
export const NOISE_WORDS: readonly string[] = [
  "division", "div", "dept", "department", "unit", "branch", "plant", "site", "office", "hq", "headquarters", "subsidiary", "formerly", "fka",
  "dba", "aka", "us", "uk", "usa", "north", "south", "east", "west", "europe", "asia", "emea", "apac", "americas",
];

/** Abbreviations purchasing records use → the word they stand for (compared after both sides are read the same way). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  us: "usa",
  intl: "international",
  tech: "technology",
  techs: "technology",
  technol: "technology",
  sys: "system",
  syst: "system",
  mfg: "manufacturing",
  manuf: "manufacturing",
  eng: "engineering",
  engg: "engineering",
  engr: "engineering",
  svc: "service",
  svcs: "service",
  serv: "service",
  hldg: "holding",
  hldgs: "holding",
  grp: "group",
  natl: "national",
  univ: "university",
  inst: "institute",
  ctr: "center",
  centre: "center",
  defence: "defense",
  def: "defense",
  elec: "electric",
  comm: "communication",
  comms: "communication",
  mgmt: "management",
  dev: "development",
  hvy: "heavy",
  ind: "industry",
  inds: "industry",
  indus: "industry",
  lab: "laboratory",
  labs: "laboratory",
  adv: "advanced",
  advd: "advanced",
  aerosp: "aerospace",
  sci: "science",
  ops: "operation",
  ent: "enterprise",
  mtrl: "material",
  mtrls: "material",
  matl: "material",
  matls: "material",
  electr: "electronic",
  chem: "chemical",
  gen: "general",
  genl: "general",
  ctl: "control",
  ctrl: "control",
  cntl: "control",
  cntrl: "control",
  msl: "missile",
  msls: "missile",
  shpbldg: "shipbuilding",
  shipbldg: "shipbuilding",
};

