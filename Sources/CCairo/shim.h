// Cairo (drawing: PDF, PNG, SVG surfaces) and pangocairo (text layout with markup).
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <cairo/cairo-svg.h>
#include <pango/pangocairo.h>
