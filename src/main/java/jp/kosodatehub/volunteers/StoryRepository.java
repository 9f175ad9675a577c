package jp.kosodatehub.volunteers;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface StoryRepository extends JpaRepository<Story, Long>, JpaSpecificationExecutor<Story> {

    @EntityGraph(attributePaths = "organisation", type = EntityGraph.EntityGraphType.LOAD)
    List<Story> findByStatusOrderBySubmittedAtAscIdAsc(PostStatus status, Pageable pageable);

    @EntityGraph(attributePaths = "organisation", type = EntityGraph.EntityGraphType.LOAD)
    List<Story> findByStatusOrderByPublishedAtDescIdDesc(PostStatus status, Pageable pageable);

    long countByStatus(PostStatus status);

    @EntityGraph(attributePaths = "organisation", type = EntityGraph.EntityGraphType.LOAD)
    Page<Story> findByOrganisationId(Long organisationId, Pageable pageable);

    long countByOrganisationId(Long organisationId);

    @Override
    @EntityGraph(attributePaths = "organisation", type = EntityGraph.EntityGraphType.LOAD)
    Page<Story> findAll(Pageable pageable);
}
