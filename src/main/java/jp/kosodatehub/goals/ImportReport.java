package jp.kosodatehub.goals;

/** What a successful import created. */
public record ImportReport(int pillars, int initiatives, int targetImages, int indicators, int results) {

    public int total() {
        return pillars + initiatives + targetImages + indicators + results;
    }
}
