package jp.kosodatehub.volunteers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded photo into the JPEG that is stored and shown. Only the pixels survive: the image is decoded and
 * drawn anew, so camera and location metadata (EXIF, GPS) never reach the public, which matters for photos of
 * volunteers and children. The EXIF orientation is applied to the pixels first, so phone photos stay upright.
 */
final class StoryPhotos {

    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    static final int LONG_SIDE_MAX = 1200;
    static final String CONTENT_TYPE = "image/jpeg";
    // A small file can declare an enormous canvas; refuse it before the decoder allocates the pixels.
    private static final long PIXELS_MAX = 40_000_000L;
    private static final float QUALITY = 0.85f;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private StoryPhotos() {
    }

    /** The upload re-encoded as JPEG, at most {@link #LONG_SIDE_MAX} px on its long side; null if unreadable. */
    static byte[] reencode(byte[] upload) {
        String format = format(upload);
        if (format == null) {
            return null;
        }
        try {
            BufferedImage image = decode(upload, format);
            if (image == null) {
                return null;
            }
            int orientation = "jpeg".equals(format) ? exifOrientation(upload) : 1;
            return encode(orient(scale(image), orientation));
        } catch (IOException | RuntimeException e) {
            // Broken or hostile files make decoders throw anything from IIOException to index errors.
            return null;
        }
    }

    /** The format the bytes claim by their magic number, whatever the file was called. */
    static String format(byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (data.length > PNG_MAGIC.length) {
            for (int i = 0; i < PNG_MAGIC.length; i++) {
                if (data[i] != PNG_MAGIC[i]) {
                    return null;
                }
            }
            return "png";
        }
        return null;
    }

    private static BufferedImage decode(byte[] data, String format) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || width * height > PIXELS_MAX) {
                return null;
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /** Scales down in halving steps, which keeps a large photo sharp where one bilinear step would alias. */
    private static BufferedImage scale(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        double factor = Math.min(1.0, (double) LONG_SIDE_MAX / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * factor));
        int targetHeight = Math.max(1, (int) Math.round(height * factor));
        BufferedImage current = source;
        while (width / 2 >= targetWidth && height / 2 >= targetHeight) {
            width /= 2;
            height /= 2;
            current = draw(current, width, height, null);
        }
        // Always drawn once more at least: that makes the pixels plain RGB, whatever the source's colour model.
        return draw(current, targetWidth, targetHeight, null);
    }

    private static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        boolean turned = orientation >= 5;
        return draw(image, turned ? h : w, turned ? w : h, transform);
    }

    /** Draws onto an opaque RGB canvas (JPEG has no transparency: transparent parts of a PNG become white). */
    private static BufferedImage draw(BufferedImage source, int width, int height, AffineTransform transform) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            if (transform == null) {
                g.drawImage(source, 0, 0, width, height, null);
            } else {
                g.drawImage(source, transform, null);
            }
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The EXIF orientation (1–8) of a JPEG, 1 when it has none or it cannot be read. */
    static int exifOrientation(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = unsigned16(jpeg, pos + 2, false);
            int end = pos + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return 1;
            }
            if (marker == 0xE1 && length >= 16 && jpeg[pos + 4] == 'E' && jpeg[pos + 5] == 'x'
                    && jpeg[pos + 6] == 'i' && jpeg[pos + 7] == 'f' && jpeg[pos + 8] == 0 && jpeg[pos + 9] == 0) {
                return tiffOrientation(jpeg, pos + 10, end);
            }
            pos = end;
        }
        return 1;
    }

    private static int tiffOrientation(byte[] data, int start, int end) {
        boolean little = data[start] == 'I' && data[start + 1] == 'I';
        if (!little && !(data[start] == 'M' && data[start + 1] == 'M')) {
            return 1;
        }
        long offset = unsigned32(data, start + 4, little);
        if (offset < 8 || start + offset + 2 > end) {
            return 1;
        }
        int directory = (int) (start + offset);
        int entries = unsigned16(data, directory, little);
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (unsigned16(data, entry, little) == 0x0112) {
                int value = unsigned16(data, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int unsigned16(byte[] data, int at, boolean little) {
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return little ? (b << 8) | a : (a << 8) | b;
    }

    private static long unsigned32(byte[] data, int at, boolean little) {
        long high = unsigned16(data, little ? at + 2 : at, little);
        long low = unsigned16(data, little ? at : at + 2, little);
        return (high << 16) | low;
    }
}
