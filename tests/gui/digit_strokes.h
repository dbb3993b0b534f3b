// Hand-made pen paths for the ten digits, as a person would draw them on the canvas, for the
// drawing test. Each digit is one or more strokes of control points in a unit box (x right,
// y down); a Catmull-Rom spline through them gives the dense mouse path. The box is mapped
// onto the canvas taller than wide, like MNIST's digits, filling most of its height.
#pragma once

#include <QPointF>
#include <QRectF>
#include <QVector>

namespace tt::gui::test {

using Stroke = QVector<QPointF>;

// The strokes of digit d (0..9), control points in the unit box.
QVector<Stroke> digit_strokes(int digit);

// A stroke's dense path: the spline through its control points sampled about every
// step_px pixels once mapped into box.
QVector<QPointF> stroke_path(const Stroke& stroke, const QRectF& box, double step_px);

}  // namespace tt::gui::test
