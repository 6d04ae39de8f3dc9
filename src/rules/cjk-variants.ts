/**
 * Traditional Chinese and Japanese character forms → the simplified forms the rules and China's notices write, in
 * pairs (variant, simplified): the characters of the listed firms' Chinese names ("漢翔航空工業" → "汉翔航空工业",
 * "三菱電機" → "三菱电机") and of the trade's words (metals, magnets, batteries, wafers, machines: "釹鐵硼", "碳化鎢").
 * Enough for those; not a general converter. Both readers apply it to both sides: commodity text and the rules'
 * names and lexicon (`foldCharacters`), supplier names and the listed names (entity-names.ts).
 */
const PAIRS =
  "動动爾尔萊莱務务間间與与團团馬马導导彈弹弾弹標标槍枪資资統统軍军戰战戦战術术電电擬拟鐵铁鉄铁決决應应応应實实実实驗验験验進进風风險险険险環环頂顶監监凱凯奧奥飛飞紅红護护羅罗愛爱陸陆點点國国榮荣" +
  "栄荣聯联華华達达脈脉邊边辺边緣缘縁缘運运營营営营賽赛薩萨際际搖摇礦矿鉱矿諾诺維维勵励無无機机圖图図图漢汉業业經经経经緯纬學学碩硕龍龙衛卫頓顿會会發发発发渦涡輪轮壓压圧压屬属噴喷氣气気气製制網网" +
  "絡络傳传伝传開开構构聖圣劍剑剣剑試试貓猫傑杰亞亚亜亚鮑鲍裝装備备艦舰鋼钢軟软興兴車车輛辆輌辆貿贸脫脱魯鲁輸输儷俪東东產产産产劑剂剤剂沖冲聲声測测豐丰細细倉仓納纳貝贝論论壇坛層层庫库責责權权権权" +
  "組组織织規规蘇苏偵侦領领藍蓝潛潜萬万釹钕鎢钨鎵镓鍺锗銦铟鋰锂鈷钴鎳镍錳锰鉬钼銻锑鉍铋釤钐鏑镝鋱铽釔钇鈧钪鉺铒鐠镨鑭镧鈰铈釓钆鈥钬銩铥鐿镱鑥镥銪铕鋁铝銅铜銀银鑽钻錫锡鋅锌鉻铬鈦钛鉭钽鈮铌鉑铂鈀钯" +
  "鎂镁釩钒鎘镉鉛铅極极體体圓圆線线設设爐炉纖纤摻掺驅驱鏡镜頭头級级純纯結结離离儀仪錠锭塊块費费鍶锶棧栈報报關关";

const SIMPLIFIED_OF: ReadonlyMap<string, string> = (() => {
  const characters = [...PAIRS];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < characters.length; i += 2) map.set(characters[i], characters[i + 1]);
  return map;
})();

/** The character in the form the rules write it: simplified when the table has it, else as it is. */
export function simplifiedCharacter(character: string): string {
  return SIMPLIFIED_OF.get(character) ?? character;
}

const VARIANT_CHARACTERS = new RegExp(`[${[...SIMPLIFIED_OF.keys()].join("")}]`, "gu");

/** A text with every character of the table in its simplified form. */
export function toSimplified(text: string): string {
  return text.replace(VARIANT_CHARACTERS, simplifiedCharacter);
}
