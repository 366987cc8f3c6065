package io.callintel.classify.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/** How a segment maps to a Lucene document and back: one document per segment. */
final class SegmentFields {

    static final String ORG = "org";
    static final String USECASE = "usecase";
    static final String RECORDING = "recording";
    static final String SEGMENT = "segment";
    static final String SPEAKER = "speaker";
    static final String ROLE = "role";
    static final String START = "start";
    static final String END = "end";
    static final String TEXT = "text";

    /**
     * Analysed and stored, with offsets in the postings: the highlighter then finds matches from the
     * index alone instead of re-analysing every hit's text.
     */
    private static final FieldType TEXT_TYPE = textType();

    private SegmentFields() {}

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static Term recordingTerm(String recording) {
        return new Term(RECORDING, recording);
    }

    static Document document(IndexedSegment segment, int position) {
        Document document = new Document();
        // Keyword fields: exact-match filters, stored to be returned with hits.
        document.add(new StringField(ORG, segment.org(), Field.Store.YES));
        document.add(new StringField(USECASE, segment.usecase(), Field.Store.YES));
        document.add(new StringField(RECORDING, segment.recording(), Field.Store.YES));
        document.add(new StringField(SPEAKER, segment.speaker(), Field.Store.YES));
        document.add(new StringField(ROLE, segment.role(), Field.Store.YES));
        document.add(new StoredField(SEGMENT, position));
        // Points and doc values too, so that time ranges can be filtered and sorted on later.
        document.add(new DoubleField(START, segment.start(), Field.Store.YES));
        document.add(new DoubleField(END, segment.end(), Field.Store.YES));
        document.add(new Field(TEXT, segment.text(), TEXT_TYPE));
        return document;
    }

    static SearchHit hit(Document document, double score, String fragment) {
        return new SearchHit(
                document.get(RECORDING),
                document.get(USECASE),
                segment(document),
                document.get(SPEAKER),
                document.get(ROLE),
                document.getField(START).numericValue().doubleValue(),
                document.getField(END).numericValue().doubleValue(),
                document.get(TEXT),
                score,
                fragment);
    }

    static int segment(Document document) {
        return document.getField(SEGMENT).numericValue().intValue();
    }
}
