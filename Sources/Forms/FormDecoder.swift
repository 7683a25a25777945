import FoundationEssentials

/// Reads whole form documents from JSON, strictly: unknown keys, wrong types and missing fields
/// are errors naming the JSON path. For batches, `FormFile` reads one form at a time instead.
public enum FormDecoder {
    public static func decode(file: String) throws -> FormDocument {
        try document(FormFile(path: file))
    }

    public static func decode(_ data: Data, file: String) throws -> FormDocument {
        try document(FormFile(data: data, file: file))
    }

    private static func document(_ source: FormFile) throws -> FormDocument {
        FormDocument(file: source.file, type: source.type, layout: source.layout,
                     forms: try (0..<source.count).map(source.form(at:)), isList: source.isList)
    }
}
