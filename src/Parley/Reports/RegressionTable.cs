using System.Globalization;
using System.Text;
using Parley.Internals;
using Parley.Models.Estimation;

namespace Parley.Reports;

/// <summary>Regression tables as CSV, Markdown and LaTeX (coefficients with standard errors below, as papers print them).</summary>
public static class RegressionTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Header of <see cref="Csv"/>.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["column", "variable", "coefficient", "std_error", "n_obs"];

    /// <summary>CSV with columns exactly <c>column,variable,coefficient,std_error,n_obs</c> (full precision, RFC 4180 quoting).</summary>
    public static string Csv(IReadOnlyList<RegressionResult> results) => CsvOutput.Text(CsvColumns,
        results.SelectMany(r => r.Coefficients.Select(c => (IReadOnlyList<string>)
            [r.Name, c.Variable, CsvOutput.Number(c.Estimate), CsvOutput.Number(c.StdError), CsvOutput.Number(r.Observations)])));

    private static IReadOnlyList<string> Variables(IReadOnlyList<RegressionResult> results) =>
        results.SelectMany(r => r.Coefficients.Select(c => c.Variable)).Distinct().OrderBy(v => v == "intercept" ? 1 : 0).ToArray();

    /// <summary>Rows: variable, then (SE); columns: regressions.</summary>
    public static string Markdown(string title, IReadOnlyList<RegressionResult> results)
    {
        var sb = new StringBuilder($"**{title}**\n\n| | ");
        sb.Append(string.Join(" | ", results.Select(r => $"({r.Name}) {(r.Method == EstimationMethod.Ppml ? "PPML" : "OLS")}"))).Append(" |\n|---|");
        sb.Append(string.Concat(results.Select(_ => "---:|"))).Append('\n');
        foreach (var v in Variables(results))
        {
            sb.Append("| ").Append(v).Append(" | ").Append(string.Join(" | ", results.Select(r => r.Coefficients.FirstOrDefault(c => c.Variable == v) is { } c ? c.Estimate.ToString("F3", Inv) : ""))).Append(" |\n");
            sb.Append("| | ").Append(string.Join(" | ", results.Select(r => r.Coefficients.FirstOrDefault(c => c.Variable == v) is { } c ? $"({c.StdError.ToString("F3", Inv)})" : ""))).Append(" |\n");
        }
        sb.Append("| N | ").Append(string.Join(" | ", results.Select(r => r.Observations.ToString("N0", Inv)))).Append(" |\n");
        sb.Append("| Fixed effects | ").Append(string.Join(" | ", results.Select(r => r.FixedEffectLevels.Count == 0 ? "no" : string.Join(" + ", r.FixedEffectLevels.Select(l => $"{l} levels"))))).Append(" |\n");
        sb.Append("\nStandard errors in parentheses: ").Append(string.Join("; ", results.Select(r => $"({r.Name}) {r.VceDescription}"))).Append(".\n");
        return sb.ToString();
    }

    /// <summary>A LaTeX tabular.</summary>
    public static string Latex(string title, IReadOnlyList<RegressionResult> results)
    {
        var sb = new StringBuilder("\\begin{table}[ht]\\centering\n\\caption{" + title.Replace("&", "\\&") + "}\n\\begin{tabular}{l" + new string('c', results.Count) + "}\n\\hline\n");
        sb.Append(" & ").Append(string.Join(" & ", results.Select(r => $"({r.Name}) {(r.Method == EstimationMethod.Ppml ? "PPML" : "OLS")}"))).Append(" \\\\\n\\hline\n");
        foreach (var v in Variables(results))
        {
            sb.Append(v.Replace("_", "\\_")).Append(" & ").Append(string.Join(" & ", results.Select(r => r.Coefficients.FirstOrDefault(c => c.Variable == v) is { } c ? c.Estimate.ToString("F3", Inv) : ""))).Append(" \\\\\n");
            sb.Append(" & ").Append(string.Join(" & ", results.Select(r => r.Coefficients.FirstOrDefault(c => c.Variable == v) is { } c ? $"({c.StdError.ToString("F3", Inv)})" : ""))).Append(" \\\\\n");
        }
        sb.Append("\\hline\nN & ").Append(string.Join(" & ", results.Select(r => r.Observations.ToString(Inv)))).Append(" \\\\\n\\hline\n\\end{tabular}\n\\end{table}\n");
        return sb.ToString();
    }
}
