import {
  Arg,
  ArgAddresses,
  QuotaFunctionName,
  SheetResult,
  callSheetFunction,
  isSheetError,
} from "../core/sheetFunctions";

/* global CustomFunctions */

// The metadata plugin appends CustomFunctions.associate(...) calls to this file. Outside Office
// (the pane opened as a plain web page) there is no CustomFunctions global, so give those calls
// a harmless target instead of failing the page.
const runtime = globalThis as { CustomFunctions?: unknown };
if (typeof runtime.CustomFunctions === "undefined") {
  runtime.CustomFunctions = { associate: () => undefined };
}

/** Excel shows the message only with #VALUE! and #N/A; the other codes take none. */
function toExcel(result: SheetResult): number | number[][] {
  if (!isSheetError(result)) return result;
  const codes = CustomFunctions.ErrorCode;
  switch (result.error) {
    case "#VALUE!":
      throw new CustomFunctions.Error(codes.invalidValue, result.message);
    case "#N/A":
      throw new CustomFunctions.Error(codes.notAvailable, result.message);
    case "#NUM!":
      throw new CustomFunctions.Error(codes.invalidNumber);
    case "#DIV/0!":
      throw new CustomFunctions.Error(codes.divisionByZero);
  }
}

function call(name: QuotaFunctionName, ...args: Arg[]): number | number[][] {
  return toExcel(callSheetFunction(name, args));
}

/**
 * For the functions with a rate: Excel gives the address of each argument that is a cell, so a
 * blank rate cell (0 on Windows, null on the web) gives the same #VALUE! naming it everywhere.
 */
function callWithCells(
  name: QuotaFunctionName,
  invocation: CustomFunctions.Invocation | undefined,
  ...args: Arg[]
): number {
  const at: ArgAddresses = invocation?.parameterAddresses ?? [];
  return toExcel(callSheetFunction(name, args, at)) as number;
}

/**
 * 培训任务（人次）：四舍五入（毕业生人数 × 比例），按方案表1计算。
 * @customfunction TRAINING
 * @param graduates 毕业生人数：数值或区域（本科+高职+中职，区域自动求和）
 * @param [rate] 培训比例，如 110% 或 1.1；省略时为 110%
 * @param [invocation] 调用信息（Excel 提供参数所在单元格）
 * @returns 培训任务（人次）
 * @requiresParameterAddresses
 */
export function training(
  graduates: any[][],
  rate?: any,
  invocation?: CustomFunctions.Invocation
): number {
  return callWithCells("TRAINING", invocation, graduates, rate);
}

/**
 * 高级工及以上取证任务（人）：四舍五入（高职毕业生人数 × 比例），按方案表2计算。
 * @customfunction ADVANCED
 * @param higherVocational 高职毕业生人数：数值或区域
 * @param [rate] 高级工取证比例，如 80%；省略时为 80%
 * @param [invocation] 调用信息（Excel 提供参数所在单元格）
 * @returns 高级工及以上取证任务（人）
 * @requiresParameterAddresses
 */
export function advanced(
  higherVocational: any[][],
  rate?: any,
  invocation?: CustomFunctions.Invocation
): number {
  return callWithCells("ADVANCED", invocation, higherVocational, rate);
}

/**
 * 非高级工及以上取证任务（人）：四舍五入（中职人数 × 95% + 本科人数 × 30%），两部分相加后只舍入一次，按方案表3计算。
 * @customfunction NONADVANCED
 * @param secondaryVocational 中职毕业生人数：数值或区域
 * @param undergraduate 本科毕业生人数：数值或区域
 * @param [intermediateRate] 中职取证比例，省略时为 95%
 * @param [undergraduateRate] 本科取证比例，省略时为 30%
 * @param [invocation] 调用信息（Excel 提供参数所在单元格）
 * @returns 非高级工及以上取证任务（人）
 * @requiresParameterAddresses
 */
export function nonadvanced(
  secondaryVocational: any[][],
  undergraduate: any[][],
  intermediateRate?: any,
  undergraduateRate?: any,
  invocation?: CustomFunctions.Invocation
): number {
  return callWithCells(
    "NONADVANCED",
    invocation,
    secondaryVocational,
    undergraduate,
    intermediateRate,
    undergraduateRate
  );
}

/**
 * 中职取证人数（中级工）：四舍五入（中职毕业生人数 × 比例），即方案表4的“中职人数”。
 * @customfunction INTERMEDIATE
 * @param secondaryVocational 中职毕业生人数：数值或区域
 * @param [rate] 中级工取证比例，省略时为 95%
 * @param [invocation] 调用信息（Excel 提供参数所在单元格）
 * @returns 中职取证人数（人）
 * @requiresParameterAddresses
 */
export function intermediate(
  secondaryVocational: any[][],
  rate?: any,
  invocation?: CustomFunctions.Invocation
): number {
  return callWithCells("INTERMEDIATE", invocation, secondaryVocational, rate);
}

/**
 * 1+X证书取证任务（人）：四舍五入（高职、中职取证人数之和 × 比例），按方案表4计算。
 * @customfunction ONEX
 * @param certified 高职、中职取证人数：数值或区域（自动求和）
 * @param [rate] 1+X取证比例，省略时为 21%
 * @param [invocation] 调用信息（Excel 提供参数所在单元格）
 * @returns 1+X证书取证任务（人）
 * @requiresParameterAddresses
 */
export function onex(
  certified: any[][],
  rate?: any,
  invocation?: CustomFunctions.Invocation
): number {
  return callWithCells("ONEX", invocation, certified, rate);
}

/**
 * 累计完成率：累计已完成 ÷ 年度任务（小数，请设置为百分比格式）。
 * @customfunction COMPLETION
 * @param cumulative 累计已完成人数（人次）：数值或区域
 * @param target 年度任务
 * @returns 累计完成率
 */
export function completion(cumulative: any[][], target: any): number {
  return call("COMPLETION", cumulative, target) as number;
}

/**
 * 按最大余额法把总数分配给各项，结果为一列整数，合计恰好等于总数。
 * @customfunction APPORTION
 * @param total 要分配的总数（整数）
 * @param weights 各项的权重，如各学院毕业生人数（一列或一行）
 * @returns 各项分得的整数（溢出为一列）
 */
export function apportion(total: any, weights: any[][]): number[][] {
  return call("APPORTION", total, weights) as number[][];
}
