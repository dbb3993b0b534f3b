"""PyTorch building blocks whose padding matches TFLite's SAME padding exactly.

TFLite pads SAME convolutions and pools with the smaller half before and the larger half
after (asymmetric for even kernels or strided layers). PyTorch's padding= is symmetric, so
the trained graph would not be the exported graph; these helpers pad explicitly instead.
"""

import torch
import torch.nn.functional as F


def same_padding(size, kernel, stride):
    """(before, after) TFLite SAME padding of one spatial dimension."""
    out = (size + stride - 1) // stride
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def pad_same(x, kernel_hw, stride_hw, value=0.0):
    """Pads an NCHW tensor for a SAME layer with the given kernel and stride."""
    top, bottom = same_padding(x.shape[2], kernel_hw[0], stride_hw[0])
    left, right = same_padding(x.shape[3], kernel_hw[1], stride_hw[1])
    if top == bottom == left == right == 0:
        return x
    return F.pad(x, (left, right, top, bottom), value=value)


def max_pool_same(x, kernel, stride):
    # -inf padding: a padded position never wins, as in TFLite.
    x = pad_same(x, (kernel, kernel), (stride, stride), value=float("-inf"))
    return F.max_pool2d(x, kernel, stride)


class ConvSame(torch.nn.Module):
    """Conv (optionally depthwise) + BatchNorm + optional ReLU, SAME padded; BatchNorm is
    folded into the conv at export (fold())."""

    def __init__(self, cin, cout, kernel, stride=1, depthwise=False, relu=True):
        super().__init__()
        self.kernel = kernel if isinstance(kernel, tuple) else (kernel, kernel)
        self.stride = stride if isinstance(stride, tuple) else (stride, stride)
        self.conv = torch.nn.Conv2d(cin, cout, self.kernel, self.stride, bias=False,
                                    groups=cin if depthwise else 1)
        self.bn = torch.nn.BatchNorm2d(cout)
        self.relu = relu
        self.depthwise = depthwise

    def forward(self, x):
        x = self.bn(self.conv(pad_same(x, self.kernel, self.stride)))
        return F.relu(x) if self.relu else x

    def fold(self):
        """(weight [Cout,Cin/groups,KH,KW], bias [Cout]) with BatchNorm folded in."""
        bn = self.bn
        scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
        w = self.conv.weight * scale.reshape(-1, 1, 1, 1)
        b = bn.bias - bn.running_mean * scale
        return w.detach().numpy().astype("float64"), b.detach().numpy().astype("float64")

    def to_ir(self):
        w, b = self.fold()
        return {"op": "dwconv" if self.depthwise else "conv", "w": w, "b": b,
                "stride": self.stride, "act": "RELU" if self.relu else "NONE"}


def fc_ir(linear, act):
    """The IR layer of a torch.nn.Linear (weights [out, in]) with activation act."""
    return {"op": "fc", "w": linear.weight.detach().numpy().astype("float64"),
            "b": linear.bias.detach().numpy().astype("float64"), "act": act}
