/** The two supporting lists a college hands in beside 附件6. */
export type ListKind = "training" | "certificate";

/** Columns of 培训名单 (one row per 人次). */
export type TrainingColumn =
  "seq" | "studentId" | "name" | "major" | "grade" | "education" | "project" | "form" | "date";

/** Columns of 取证名单 (one row per certificate); 身份证号 is optional. */
export type CertificateColumn =
  | "seq"
  | "studentId"
  | "name"
  | "major"
  | "grade"
  | "education"
  | "type"
  | "title"
  | "rank"
  | "number"
  | "date"
  | "idNumber";

export type ListColumn = TrainingColumn | CertificateColumn;

export interface ColumnLayout {
  /** The header the template writes. */
  readonly header: string;
  /** Normalised labels (half-width, no spaces, no brackets' content) that name the column. */
  readonly aliases: readonly string[];
  /** A row without a value here is incomplete (finding list-field-missing). */
  readonly required: boolean;
}

export interface ListLayout {
  readonly kind: ListKind;
  /** The sheet name the template writes. */
  readonly sheet: string;
  readonly columns: Readonly<Partial<Record<ListColumn, ColumnLayout>>>;
  /** Template order. */
  readonly order: readonly ListColumn[];
}

const col = (header: string, aliases: readonly string[], required = true): ColumnLayout => ({
  header,
  aliases,
  required,
});

const COMMON = {
  seq: col("序号", ["序号", "编号", "no", "no."], false),
  studentId: col("学号", ["学号", "学生学号", "学籍号"]),
  name: col("姓名", ["姓名", "学生姓名"]),
  major: col("专业", ["专业", "所学专业", "专业名称"]),
  grade: col("年级", ["年级", "入学年份", "入学年级", "级别年级"]),
  education: col("学历层次", ["学历层次", "层次", "培养层次", "学历"]),
} as const;

export const LIST_LAYOUTS: Readonly<Record<ListKind, ListLayout>> = {
  training: {
    kind: "training",
    sheet: "培训名单",
    columns: {
      ...COMMON,
      project: col("培训项目", ["培训项目", "项目", "培训职业", "讲座主题", "培训职业工种"]),
      form: col("培训形式", ["培训形式", "形式", "培训方式"]),
      date: col("培训日期", ["培训日期", "日期", "培训时间"]),
    },
    order: ["seq", "studentId", "name", "major", "grade", "education", "project", "form", "date"],
  },
  certificate: {
    kind: "certificate",
    sheet: "取证名单",
    columns: {
      ...COMMON,
      type: col("证书类型", ["证书类型", "证书类别", "类型"]),
      title: col("证书名称或职业（工种）", [
        "证书名称或职业",
        "证书名称",
        "职业",
        "职业工种",
        "工种",
      ]),
      rank: col("等级", ["等级", "证书等级", "技能等级"]),
      number: col("证书编号", ["证书编号", "证书号", "证书号码"]),
      date: col("发证日期", ["发证日期", "发证时间", "取证日期", "日期"]),
      idNumber: col("身份证号", ["身份证号", "身份证号码", "身份证", "公民身份号码"], false),
    },
    order: [
      "seq",
      "studentId",
      "name",
      "major",
      "grade",
      "education",
      "type",
      "title",
      "rank",
      "number",
      "date",
      "idNumber",
    ],
  },
};

/** 学历层次 as the lists write it, and the short key the core uses. */
export type Education = "undergraduate" | "junior" | "secondary";
export const EDUCATION_VALUES: Readonly<Record<string, Education>> = {
  本科: "undergraduate",
  "高职(专科)": "junior",
  高职: "junior",
  专科: "junior",
  大专: "junior",
  "中职(中专)": "secondary",
  中职: "secondary",
  中专: "secondary",
};

export type TrainingForm = "course" | "lecture";
export const FORM_VALUES: Readonly<Record<string, TrainingForm>> = {
  培训: "course",
  专家讲座: "lecture",
  "专家讲座(报告)": "lecture",
  讲座: "lecture",
  报告: "lecture",
};

export type CertificateType = "skill" | "onex" | "qualification" | "special";
export const TYPE_VALUES: Readonly<Record<string, CertificateType>> = {
  职业技能等级证书: "skill",
  "1+X证书": "onex",
  "1+X": "onex",
  "1+X职业技能等级证书": "onex",
  职业资格证书: "qualification",
  国家职业资格证书: "qualification",
  专项职业能力证书: "special",
};

/** 等级: 初级工…高级技师 for the other types, 初级 / 中级 / 高级 for 1+X. */
export type Rank = 1 | 2 | 3 | 4 | 5;
export const RANK_VALUES: Readonly<Record<string, Rank>> = {
  初级工: 1,
  五级: 1,
  中级工: 2,
  四级: 2,
  高级工: 3,
  三级: 3,
  技师: 4,
  二级: 4,
  高级技师: 5,
  一级: 5,
};
export const ONEX_RANK_VALUES: Readonly<Record<string, Rank>> = { 初级: 1, 中级: 2, 高级: 3 };

/** The values the template's list validation offers. */
export const LIST_CHOICES = {
  education: ["本科", "高职（专科）", "中职（中专）"],
  form: ["培训", "专家讲座"],
  type: ["职业技能等级证书", "1+X证书", "职业资格证书", "专项职业能力证书"],
  rank: ["初级工", "中级工", "高级工", "技师", "高级技师", "初级", "中级", "高级"],
} as const;
