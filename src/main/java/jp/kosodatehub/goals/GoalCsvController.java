package jp.kosodatehub.goals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The plan and its results as CSV for the office, e.g. to work on them in Excel. Access is decided by
 * {@link GoalCsv}'s method security, so the address cannot be more open than the buttons in the admin view.
 */
@RestController
class GoalCsvController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final GoalService goals;
    private final GoalCsv csv;

    GoalCsvController(GoalService goals, GoalCsv csv) {
        this.goals = goals;
        this.csv = csv;
    }

    @GetMapping("/goals/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(name = "part", defaultValue = "results") String part,
                                  @RequestParam(name = "plan", required = false) Long planId) {
        Long plan = planId != null ? planId : latestPlan();
        byte[] body = switch (part) {
            case "structure" -> csv.exportStructure(plan);
            case "results" -> csv.exportResults(plan);
            case "figures" -> csv.exportFigures(plan);
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        String filename = "goals-" + part + "-" + plan + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private Long latestPlan() {
        List<Plan> plans = goals.plans();
        if (plans.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return plans.getFirst().getId();
    }
}
