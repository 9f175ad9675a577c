package jp.kosodatehub.volunteers;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface StoryRepository extends JpaRepository<Story, Long>, JpaSpecificationExecutor<Story> {
}
