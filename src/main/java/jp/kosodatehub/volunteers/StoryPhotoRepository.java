package jp.kosodatehub.volunteers;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface StoryPhotoRepository extends JpaRepository<StoryPhoto, Long>, JpaSpecificationExecutor<StoryPhoto> {
}
