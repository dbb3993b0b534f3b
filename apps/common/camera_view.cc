#include "apps/common/camera_view.h"

#include "hal/draw/blit.h"
#include "hal/draw/colour.h"
#include "hal/draw/draw.h"

namespace tt::apps::screen {

namespace draw = tt::hal::draw;
using hal::Rect;

void camera_preview(hal::Display& d, const Rect& box, const hal::FrameFormat& format,
                    const uint8_t* frame, const kernels::frontend::CropRect& crop) {
  const hal::Surface s = d.surface();
  d.mark_dirty(draw::blit_scaled(s, draw::image_of_frame(format, frame), box));
  if (format.width < 1 || format.height < 1) return;
  const Rect c{box.x + crop.x * box.w / format.width, box.y + crop.y * box.h / format.height,
               crop.width * box.w / format.width, crop.height * box.h / format.height};
  d.mark_dirty(draw::draw_rect(s, c, draw::kYellow, 1));
}

void network_input(hal::Display& d, int x, int y, int scale, const ImageClassifier& c) {
  const int side = c.side();
  draw::Image img{c.input_rgb(), side, side, side * 3, draw::ImageFormat::kRgb888};
  d.mark_dirty(draw::blit(d.surface(), img, x, y, scale));
}

}  // namespace tt::apps::screen
