"""Word lists for place and organization mentions: general knowledge of Chinese place names,
news datelines and everyday words that jieba's dictionary tags as places or organizations.
Nothing here is drawn from a corpus of names."""
from __future__ import annotations

from typing import Final

# units printed after a place name (`河北省`, `平安县`, `马庄村`)
PLACE_UNITS: Final[tuple[str, ...]] = ("省", "市", "县", "区", "州", "镇", "乡", "村", "盟", "旗", "岛", "湾", "港")
# A word ending in a unit is a place name when the dictionary counts it rarely: everyday words
# with a unit ending are frequent (自治区 14344, 开发区 3667, 风景区 1562) while village and county
# names are rare or unknown (平安县 5, 马庄村 1).
UNIT_WORD_MAX_FREQ: Final = 300
# … and the part before the unit must be no everyday word (警务区, 重点县, 居民区: 警务, 重点, 居民
# are frequent words; 薛庄, 双泾 are not): measured on the tuning split, heads counted 100 and
# more were mostly generic
UNIT_HEAD_MAX_FREQ: Final = 100
# Words that close a dateline's place (`新华社开罗１月３日电`, `本报石家庄１月５日讯`)
DATELINE_OPENERS: Final = {"本报", "新华社", "中新社", "本报讯", "据新华社"}
# Single-character abbreviations of countries and regions: a two-character word made of two of
# them (`中美`, `欧美`, `印巴`) names a pair of countries (relations, talks), not a place.
COUNTRY_ABBREVIATIONS: Final = set("中美日英法德俄苏欧亚非印巴以伊朝韩越泰菲澳意葡荷港澳台")
# Words that glue a place to what follows (`台湾同胞`, `英国人`, `日本首相`, `香港回归`): the
# place is the word without this ending when the rest is a place in the dictionary.
PLACE_GLUED_ENDINGS: Final = ("同胞", "当局", "人民", "首相", "总统", "总理", "回归", "市民", "人", "籍", "方面",
                       "西岸", "东岸", "南岸", "北岸", "流域", "大陆", "各国", "国家", "股市", "街头", "库区", "水乡",
                       "城楼")
# common nouns jieba's dictionary tags as places
NOT_PLACES: Final = {"两国", "各国", "全国", "我国", "本国", "外国", "中外", "国内", "国外", "海外", "三国", "两岸", "大国",
              "城市", "山区", "海关", "东西", "英雄", "上市", "新建", "普及", "治安", "城乡", "农村", "边疆", "内地",
              "上岗", "美丽", "海洋", "新鲜", "大都", "城镇", "喜庆", "新春", "大桥", "回国", "高原", "大街", "商城",
              "新村", "福利", "太阳", "古城", "大江", "珍藏", "西南", "东北", "西北", "东南",
              "共和国", "大城市", "大中城市", "建国", "爱国", "南北", "庆典", "山坡", "深度", "神圣", "江湖", "长大",
              "大海", "山水", "山村", "山川", "河水", "大河", "大山", "北国", "五国", "中断", "波及", "滑坡", "大关",
              "关联", "欢庆", "上台", "沧桑", "兴旺", "明白", "多达", "高达", "长达", "雷达", "道德", "镇区", "山寨",
              "扎根", "云集", "安宁", "青春", "美德", "四海", "欢度", "长度", "旧城", "来京", "驻京", "保姆", "自治州",
              "自治县", "大门口", "海湾", "北约", "广大干部", "依法治国", "科教兴国", "港人治港", "重建家园", "重大意义",
              "加大力度", "军民共建", "中华文明", "马克思列宁主义", "中直机关", "直属机关", "即将来临", "都市",
              "美容美发店", "擂台赛", "华夏", "科普", "升国旗", "缅怀", "高雅", "高明", "中西", "山沟",
              "城堡", "锦旗", "黑洞", "英里", "之日起", "葡萄干", "西瓜", "上街", "牡丹", "巴士", "垦区",
              "平原", "海峡", "王国", "第三国", "山城", "山河", "高架桥", "黄土地", "中巴车", "大哥大", "象牙塔",
              "循环赛", "城市绿化", "热烈祝贺", "热烈庆祝", "重大胜利", "淡泊名利", "高高兴兴", "自觉遵守",
              "夕阳西下", "原班人马"}
# Words that start generic place phrases (`贫困县`, `重灾区`, `沿海地区`, `行政村`, `小康村`)
GENERIC_PLACE_HEADS: Final[tuple[str, ...]] = ("贫困", "特困", "重灾", "受灾", "灾区", "大部", "部分", "局部", "沿海", "边远", "偏远", "行政",
                       "自然", "小康", "文明", "跨", "各", "全", "该", "本", "欠发达", "发达", "少数民族", "示范",
                       "试点", "先进", "落后", "亚太", "周边", "大中", "省军", "军分", "中小")
# Everyday words that end in an organization word but name no organization (`社会`, `干部`,
# `部署`, `音乐会`; `中国代表团` and `武警部队` are not organizations in news annotation either)
NOT_ORG_WORDS: Final = {"社会", "机会", "体会", "宴会", "晚会", "舞会", "盛会", "集会", "酒会", "年会", "聚会", "约会",
                 "都会", "误会", "理会", "音乐会", "茶话会", "座谈会", "招待会", "运动会", "博览会", "展览会",
                 "部署", "干部", "全部", "大部", "局部", "内部", "外部", "部队", "军队", "代表团", "人民军队",
                 "国家机关", "党政机关", "上市公司", "商业银行", "广播电视", "党和政府", "特区政府", "国家有关",
                 "党组织", "新进展", "最大化", "加油站", "联合公报", "政局", "世博会", "冬奥会", "奥运会", "亚运会",
                 "交易会", "洽谈会", "研讨会", "联欢会", "演唱会", "报告会", "表彰会", "纪念会", "动员会", "发布会",
                 "新闻发布会", "订货会", "文化节", "艺术节", "苏联", "关联", "串联", "互联", "前苏联",
                 # `约旦当局`, `奥运会冠军`, `欧洲安全格局`, `伊斯兰堡市中心`: the place, then an everyday word
                 "当局", "冠军", "格局", "开馆", "场所", "交界处", "市中心"}
# tags of words that never close an organization name (方位 `南部`, 处所 `深处`, verbs `部署`)
NOT_ORG_TAGS: Final = {"f", "s", "v", "vn", "d", "a"}
# A transliterated word after these is a place (`在莫斯科`, `新华社开罗`, `访问伊拉克`)
PLACE_BEFORE: Final = {"在", "从", "到", "赴", "驻", "至", "抵达", "访问", "前往", "来自", "离开", "返回", "飞抵", "途经",
                "首都", "新华社", "本报", "日电", "使", "同", "；", "（"}
# … and before these (`伊拉克问题`, `莫斯科１月`, `泰国金融危机`)
PLACE_AFTER: Final = {"国家", "人民", "政府", "当局", "问题", "首都", "经济", "金融", "金融危机", "股市", "冲突", "民族",
               "武器", "关系", "局势", "境内", "方面", "外长", "大使", "大使馆", "使馆", "市", "南部", "北部", "东部",
               "西部", "中部", "地区", "边境", "国内", "等国", "队", "市场", "货币", "时间"}
# Names of places built like a person's name end in one of these (`张家口`, `石家庄`, `李家沟`)
PLACE_ENDINGS: Final = tuple("口庄屯营堡店集镇湾沟坪坝岭峪泊庙寨桥岗港岛")
# A dictionary place word this rare is mostly no place (`远非`, `拉闸`: the dictionary tags them ns)
RARE_PLACE_FREQ: Final = 30
# A two-character dictionary place counted less often than this and in no list of known places
# is a place only with a place word around it (`在沁源`, `沁源县`, `山西沁源`): on the tuning split
# such words were wrong more often than right on their own (`海马`, `夕阳`, `保鲜`, `上门`, `井口`)
# while more frequent ones were mostly places (`京城`, `江南`, `华北`)
CUED_PLACE_MAX_FREQ: Final = 1000
# Words closing an organization name (`…委员会`, `…局`, `…公司`)
ORG_SUFFIXES: Final = (
    "委员会", "常委会", "代表大会", "人民政府", "政府", "办公厅", "办公室", "国务院", "中央", "总局", "管理局", "局",
    "部", "厅", "署", "委", "院", "研究所", "研究院", "研究中心", "中心", "大学", "学院", "中学", "小学", "学校",
    "公司", "集团", "银行", "协会", "学会", "联合会", "总会", "基金会", "商会", "工会", "党", "团", "军区", "军",
    "报社", "电台", "电视台", "通讯社", "出版社", "杂志社", "社", "医院", "法院", "检察院", "组织", "联盟", "厂",
    "所", "队", "处", "科", "站", "馆", "会", "女排", "男排", "女足", "男足", "女篮", "男篮",
    "联", "协", "人大", "政协", "海关", "支行", "分行", "党委", "团委")  # 妇联, 科协: abbreviated names
# words an organization name can be built of, by tag (nouns, places, abbreviations, names…)
ORG_PART_TAGS: Final = {"n", "ns", "nt", "nz", "j", "vn", "nr", "b", "an", "ng", "nrt"}
ORG_START_TAGS: Final = {"ns", "nt", "nz", "j"}
ORG_START_WORDS: Final = {"国家", "中国", "中央", "全国"}
DATELINE_WORDS: Final = {"日讯", "日电", "本报讯", "电讯"}  # dateline words that open no organization name
# Buildings and sites are places in news annotation (`人民大会堂`, `北京西站`, `广元市长城宾馆`),
# even when the dictionary tags them as organizations; general knowledge of the scheme
VENUE_SUFFIXES: Final = ("宾馆", "饭店", "美术馆", "博物馆", "科技馆", "纪念馆", "展览馆", "体育馆", "文学馆", "大会堂",
                  "礼堂", "音乐厅", "剧场", "公园", "广场", "机场", "车站", "西站", "东站", "南站", "北站", "大街",
                  "大桥", "清真寺", "教堂", "动物园", "乐园", "商场", "商城", "商厦", "城楼", "农场", "大厦", "体育场",
                  "宫", "寺", "庙",
                  "特别行政区")  # `香港特别行政区` is a place, not its government
