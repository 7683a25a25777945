import FoundationEssentials

/// Something in a form that is probably a mistake but does not stop printing.
public struct FormWarning: Hashable, Sendable, CustomStringConvertible {
    /// JSON path, e.g. "forms[3].budget".
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Checks that help: budget arithmetic, task totals, periods, indicators. (Identical forms are
/// found across a batch by the command line's survey.)
public enum FormChecks {
    /// The warnings for one form; `at` is its JSON path ("" for a single-form file).
    public static func warnings(for form: Form, at: String) -> [FormWarning] {
        func path(_ field: String) -> String { at.isEmpty ? field : "\(at).\(field)" }
        switch form {
        case let .department(f):
            return amountWarnings(amounts(of: f), path: path) + budgetWarnings(f, path: path)
                + indicatorWarnings(f.indicators, path: path)
        case let .project(f):
            var warnings = amountWarnings([("budgetAmount", f.budgetAmount)], path: path)
            if let start = Int(f.period.startYear), let end = Int(f.period.endYear), start > end {
                warnings.append(FormWarning(path: path("period"), message: "起始年度 \(f.period.startYear) is after 到期年度 \(f.period.endYear)"))
            }
            return warnings + indicatorWarnings(f.indicators, path: path)
        }
    }

    /// A form with no 绩效指标 prints the indicator table's heading row alone: an unfinished form.
    private static func indicatorWarnings(_ indicators: [Indicator], path: (String) -> String) -> [FormWarning] {
        guard indicators.isEmpty else { return [] }
        return [FormWarning(path: path("indicators"), message: "no indicators (绩效指标): the table prints their heading row alone")]
    }

    /// The fields of a department form that hold amounts, by JSON path.
    private static func amounts(of f: DepartmentForm) -> [(field: String, text: String?)] {
        f.budget.amounts.map { ("budget.\($0.key)", $0.text) }
            + f.tasks.rows.enumerated().map { ("tasks.rows[\($0.offset)].amount", $0.element.amount) }
            + (f.otherTasks ?? []).enumerated().map { ("otherTasks[\($0.offset)].amount", $0.element.amount) }
    }

    /// An amount that is not a number is printed as given, but the sums below cannot count it.
    private static func amountWarnings(_ fields: [(field: String, text: String?)], path: (String) -> String) -> [FormWarning] {
        fields.compactMap { field, text in
            guard let text, text.contains(where: { !$0.isWhitespace }), Amount(text) == nil else { return nil }
            return FormWarning(path: path(field), message:
                "\"\(text)\" is not an amount (digits, a decimal point, thousands commas): printed as given, left out of the sums checked")
        }
    }

    private static func budgetWarnings(_ f: DepartmentForm, path: (String) -> String) -> [FormWarning] {
        var warnings: [FormWarning] = []
        let b = f.budget
        // 基本支出 + 项目支出 = 财政拨款 + 其他资金, within the rounding of the printed decimals.
        if let basic = Amount(b.basicExpenditure), let project = Amount(b.projectExpenditure),
           let fiscal = Amount(b.fiscalAppropriation), let other = Amount(b.otherFunds) {
            let spending = basic.value + project.value, income = fiscal.value + other.value
            let tolerance = [basic, project, fiscal, other].map(\.unitOfLastPlace).max() ?? 0.01
            if abs(spending - income) > tolerance + 1e-9 {
                warnings.append(FormWarning(path: path("budget"), message:
                    "基本支出 + 项目支出 = \(format(spending)) but 财政拨款 + 其他资金 = \(format(income)) (\(b.unit))"))
            }
        }
        // The tasks' amounts should not exceed 项目支出.
        let scale = f.tasks.unit == b.unit ? 1.0 : (f.tasks.unit == "元" && b.unit == "万元" ? 0.0001 : 10000)
        let amounts = f.tasks.rows.compactMap { Amount($0.amount) }
        if let project = Amount(b.projectExpenditure), !amounts.isEmpty {
            let total = amounts.reduce(0) { $0 + $1.value } * scale
            if total > project.value + project.unitOfLastPlace + 1e-9 {
                warnings.append(FormWarning(path: path("tasks"), message:
                    "the tasks add up to \(format(total)) \(b.unit), more than 项目支出 \(b.projectExpenditure) \(b.unit)"))
            }
        }
        return warnings
    }

    private static func format(_ value: Double) -> String { formatted(value, decimals: 2) }
}

/// A printed amount such as "1,046.80": its value and the size of its last decimal place.
struct Amount {
    let value: Double
    let unitOfLastPlace: Double

    /// Digits, spaces, commas between thousands ("2,800,000.00", not "137,34"), an optional
    /// decimal part, an optional minus sign; nothing else, so "1e5" or "0x10" (which `Double`
    /// would read) are not amounts.
    init?(_ text: String) {
        let spaced = Substring(text.filter { $0 != " " })
        let unsigned = spaced.first == "-" ? spaced.dropFirst() : spaced
        var parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count == 1 || ((1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }) else {
            return nil
        }
        parts[0] = Substring(groups.joined())
        // `split` keeps empty parts, so "", "." and "1." fail the test on every part.
        guard parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Double((spaced.first == "-" ? "-" : "") + parts.joined(separator: ".")), value.isFinite else { return nil }
        self.value = value
        let decimals = parts.count == 2 ? parts[1].count : 0
        var unit = 1.0
        for _ in 0..<decimals { unit /= 10 }
        unitOfLastPlace = unit
    }
}

/// `value` with exactly `decimals` digits after the point ("1046.80"), without Foundation's
/// String(format:). Only a value beyond 18 digits in all (no budget) is written with an exponent.
public func formatted(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 1e18 else { return String(value) }
    let digits = String(UInt64(scaled))
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    let whole = padded.dropLast(decimals), fraction = padded.suffix(decimals)
    return (value < 0 && scaled > 0 ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "")
}
