-- Production twin of db/demo/V6__triage.sql, without the demo rows (departments, residents): both are frozen.
-- Triage (研判分流): the category catalogue (事项清单), more county departments, the resident registry whose tags
-- (独居老人, 重残, 低保…) raise a case's priority, and what triage decided about each case.

-- (production: the county's departments come with its own org tree)

-- The catalogue names the categories; how each is routed (track, level, department, SLA class, priority) is decided
-- by processes/case-triage.dmn, which process designers edit.
CREATE TABLE category (
    code        varchar(64)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    kind        varchar(40)  NOT NULL,
    sort_order  integer      NOT NULL
);

INSERT INTO category (code, name, kind, sort_order) VALUES
    ('FLY_WIRE_CHARGING',      '飞线充电',       '安全隐患',   1),
    ('FIRE_HAZARD',            '楼道堆物等消防隐患', '安全隐患', 2),
    ('GARBAGE',                '垃圾堆放',       '环境卫生',   3),
    ('STRAY_DOGS',             '流浪犬',         '环境卫生',   4),
    ('ELDERLY_CARE',           '独居老人关爱',   '民生服务',   5),
    ('NOISE_FUMES',            '噪音油烟',       '城市管理',  10),
    ('ILLEGAL_PARKING',        '车辆乱停放',     '城市管理',  11),
    ('STREET_VENDOR',          '占道经营',       '城市管理',  12),
    ('MANHOLE_COVER',          '井盖丢失破损',   '城市管理',  13),
    ('STREETLIGHT',            '路灯不亮',       '城市管理',  14),
    ('ILLEGAL_CONSTRUCTION',   '违章建筑',       '城市管理',  15),
    ('GREEN_SPACE',            '绿化损毁',       '城市管理',  16),
    ('BUILDING_DAMAGE',        '楼宇破损',       '住房建设',  20),
    ('DANGEROUS_BUILDING',     '危房',           '住房建设',  21),
    ('HEATING',                '供暖不热',       '住房建设',  22),
    ('PIPE_LEAK',              '管道泄漏',       '水务',      30),
    ('SEWAGE_OVERFLOW',        '排污外溢',       '水务',      31),
    ('WATER_OUTAGE',           '停水',           '水务',      32),
    ('POWER_OUTAGE',           '停电',           '公共服务',  33),
    ('ROAD_DAMAGE',            '道路破损',       '交通',      34),
    ('FOOD_SAFETY',            '食品安全',       '市场监管',  40),
    ('PRICE_FRAUD',            '价格欺诈',       '市场监管',  41),
    ('ENVIRONMENT_POLLUTION',  '环境污染',       '生态环境',  42),
    ('SUBSISTENCE_ALLOWANCE',  '低保救助',       '民政',      43),
    ('NEIGHBOUR_DISPUTE',      '邻里纠纷',       '矛盾纠纷',  50),
    ('PROPERTY_DISPUTE',       '物业纠纷',       '矛盾纠纷',  51),
    ('FAMILY_DISPUTE',         '婚姻家庭纠纷',   '矛盾纠纷',  52),
    ('LAND_DISPUTE',           '土地纠纷',       '矛盾纠纷',  53),
    ('LABOUR_DISPUTE',         '劳资纠纷',       '矛盾纠纷',  54),
    ('DEBT_DISPUTE',           '债务纠纷',       '矛盾纠纷',  55),
    ('FIRE',                   '火灾',           '突发事件',  60),
    ('GAS_LEAK',               '燃气泄漏',       '突发事件',  61),
    ('FLOOD',                  '汛情',           '突发事件',  62),
    ('MAJOR_PUBLIC_SECURITY',  '重大治安事件',   '突发事件',  63),
    ('OTHER',                  '其他',           '其他',      99);

-- Residents whose tags raise the priority of what they report (数据主动预警: 独居老人, 重残, 低保…).
CREATE TABLE resident (
    phone   varchar(40)   PRIMARY KEY,
    name    varchar(100)  NOT NULL,
    unit_code varchar(64) REFERENCES org_unit (code),
    tags    varchar(40)[] NOT NULL DEFAULT '{}'
);

-- (production: no demo residents)

ALTER TABLE case_file
    ADD COLUMN reporter_tags   varchar(400),
    ADD COLUMN start_level     varchar(16),
    ADD COLUMN department_code varchar(64) REFERENCES org_unit (code),
    ADD COLUMN sla_class       varchar(20),
    ADD COLUMN priority        varchar(10),
    ADD COLUMN vulnerable      boolean NOT NULL DEFAULT false;
