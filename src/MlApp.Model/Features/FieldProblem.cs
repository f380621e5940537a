namespace MlApp.Model.Features;

/// <summary>The kind of a validation error, for code that reacts to some kinds differently (the message is for people).</summary>
public enum FieldProblem
{
    Missing,
    Unknown,
    Duplicate,
    Null,
    WrongType,
    NotANumber,
    Infinite,
    NotWhole,
    OutOfRange,
    UnknownCategory,

    /// <summary>The input as a whole has the wrong shape (a JSON array instead of an object); the field is empty.</summary>
    NotAnObject,

    /// <summary>A CSV row whose cell count differs from the header's; the field is empty.</summary>
    CellCount,
}
